package forumkb.bench;

import forumkb.index.IndexFeed;
import forumkb.index.SearchIndex;
import forumkb.ingest.IngestService;
import forumkb.search.SearchService;
import forumkb.system.CommandLine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark-search [--threads N] [--queries N] [--clients N] [--requests N] [--seed S] [--keep DIR] [--no-baseline]}:
 * ingests a generated corpus into a full application started for the purpose (see
 * {@link BenchServer}) while its index tails the database, waits for the index to catch
 * up, then times a seeded query set in process, over HTTP with concurrent clients, and
 * against a PostgreSQL full-text baseline built from the same rows.
 */
class SearchBenchmark implements CommandLine.Command {

	private static final long CATCH_UP_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(60);

	/**
	 * Passes over the queries before timing, in process and over HTTP, at least and at
	 * most: the JIT compiler keeps compiling the search path for a minute or more (in the
	 * second pass it took as much CPU as the searches), and a server that has run for a
	 * while is past that.
	 */
	private static final int MIN_WARM_UP_PASSES = 3;

	private static final int MAX_WARM_UP_PASSES = 100;

	/**
	 * Warm once a pass spends less than this share of its wall time compiling. At 2 % the
	 * compiler threads still took a tenth of the CPU during the timed requests (a profile
	 * of the run), and the same code measured HTTP p99 between 54 and 66 ms; at 0.3 %,
	 * 38–52 ms.
	 */
	private static final double QUIET_COMPILER = 0.003;

	@Override
	public String name() {
		return "benchmark-search";
	}

	@Override
	public String usage() {
		return "benchmark-search [--threads N] [--queries N] [--clients N] [--requests N] [--seed S] [--keep DIR] [--no-baseline]"
				+ "   time search on a generated corpus, in process, over HTTP and against PostgreSQL full text";
	}

	@Override
	public int run(String[] args) {
		int threads = Options.intOption(args, "--threads", 200_000);
		int queryCount = Options.intOption(args, "--queries", 200);
		int clients = Options.intOption(args, "--clients", 16);
		int requests = Options.intOption(args, "--requests", 200);
		long seed = Options.intOption(args, "--seed", 42);
		List<BenchQueries.Query> queries = BenchQueries.generate(queryCount, seed + 1);
		List<String> texts = queries.stream().map(BenchQueries.Query::text).toList();
		System.out.printf("%d queries: %s; longest %,d characters%n", queries.size(), mix(queries),
				texts.stream().mapToInt(String::length).max().orElse(0));
		Path kept = Options.pathOption(args, "--keep");
		try (BenchServer server = BenchServer.start(kept,
				// Search does not read the sentence vectors; embedding 200,000 threads
				// would take hours.
				"--forumkb.triage.vectors.enabled=false")) {
			indexCorpus(server, threads, seed);
			if (Options.flag(args, "--no-baseline")) {
				measure(server, queries, clients, requests, null);
				return 0;
			}
			try (PostgresBaseline baseline = PostgresBaseline.build(server.bean(DataSource.class), kept != null)) {
				System.out.printf("PostgreSQL baseline: fts_thread + GIN built in %.1f s, %,d MB%n",
						baseline.buildSeconds(), baseline.bytes() >> 20);
				measure(server, queries, clients, requests, baseline);
			}
			return 0;
		}
		catch (IOException | SQLException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/**
	 * Generates the corpus and ingests it, unless a kept database ({@code --keep}) holds
	 * it from an earlier run already.
	 */
	static void indexCorpus(BenchServer server, int threads, long seed) throws IOException, InterruptedException {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		long present = jdbc.queryForObject("select count(*) from thread", Long.class);
		if (present >= threads) {
			System.out.printf("kept database: %,d threads already ingested%n", present);
			waitForIndex(server);
			return;
		}
		Path corpus = BenchCorpus.generate(threads, seed);
		try {
			BenchCorpus.Ingested ingested = BenchCorpus.ingest(server.bean(IngestService.class), jdbc, corpus);
			System.out.println(ingested.summary() + ", with the index tailing");
		}
		finally {
			Files.deleteIfExists(corpus);
		}
		waitForIndex(server);
	}

	/**
	 * Waits until the searcher holds every thread, merged: after a bulk catch-up the
	 * index merges its segments in the background, which would compete with the timed
	 * searches.
	 */
	private static void waitForIndex(BenchServer server) throws IOException, InterruptedException {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		long threads = jdbc.queryForObject("select count(*) from thread", Long.class);
		SearchIndex index = server.bean(SearchIndex.class);
		long start = System.nanoTime();
		IndexFeed feed = server.bean(IndexFeed.class);
		while (!index.holds(feed.lastChange()) || searchable(index) < threads || index.merging()) {
			if (System.nanoTime() - start > CATCH_UP_LIMIT_NANOS) {
				throw new IOException("the index did not catch up within an hour");
			}
			Thread.sleep(100);
		}
		System.out.printf("index caught up and merged %.1f s after ingest ended: %,d threads, %,d MB on disk%n",
				(System.nanoTime() - start) / 1e9, searchable(index), server.indexBytes() >> 20);
	}

	private static int searchable(SearchIndex index) {
		return index.search(searcher -> searcher.getIndexReader().numDocs());
	}

	private static void measure(BenchServer server, List<BenchQueries.Query> queries, int clients, int requests,
			PostgresBaseline baseline) throws SQLException, InterruptedException {
		List<String> texts = queries.stream().map(BenchQueries.Query::text).toList();
		SearchService search = server.bean(SearchService.class);
		warmUp("in process", () -> timeInProcess(search, texts));
		Latencies lucene = timeInProcess(search, texts);

		HttpLoad load = new HttpLoad(server.port(), texts);
		warmUp("over HTTP", () -> load.run(clients, Math.ceilDiv(texts.size(), clients)));
		Timer serverSide = server.bean(MeterRegistry.class).get("forumkb.search").timer();
		long countBefore = serverSide.count();
		double totalBefore = serverSide.totalTime(TimeUnit.MILLISECONDS);
		long cpuBefore = processCpuNanos();
		HttpLoad.Result http = load.run(clients, requests);
		double cpuPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / http.requests();
		double serverMean = (serverSide.totalTime(TimeUnit.MILLISECONDS) - totalBefore)
				/ Math.max(1, serverSide.count() - countBefore);

		Latencies postgres = null;
		if (baseline != null) {
			baseline.run(texts);
			postgres = baseline.run(texts);
		}
		System.out.println("Lucene in process:     " + lucene.summary());
		System.out.printf("HTTP, %d clients:      %s%n", clients, http.latencies().summary());
		System.out.printf(
				"  %,d requests in %.1f s: %,.0f req/s; failures %s; SearchService mean %.1f ms;"
						+ " CPU %.1f ms a request (server and clients; the clients %.2f); %,d bytes an answer;"
						+ " longest URI %,d characters%n",
				http.requests(), http.seconds(), http.throughput(),
				http.failures().isEmpty() ? "none" : http.failures(), serverMean, cpuPerRequest,
				http.clientCpuNanos() / 1e6 / http.requests(), http.bodyBytes() / Math.max(1, http.requests()),
				load.longestUri());
		if (postgres != null) {
			System.out.println("PostgreSQL in process: " + postgres.summary()
					+ (baseline.timeouts() > 0 ? "; " + baseline.timeouts() + " timed out" : ""));
		}
		byKind(queries, lucene, http, postgres);
	}

	/** Runs {@code pass} until the JIT compiler is quiet during one. */
	private static void warmUp(String where, WarmUpPass pass) throws InterruptedException {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		long started = System.nanoTime();
		for (int passes = 1; passes <= MAX_WARM_UP_PASSES; passes++) {
			long compiling = compiler.getTotalCompilationTime();
			long start = System.nanoTime();
			pass.run();
			double share = (compiler.getTotalCompilationTime() - compiling) / ((System.nanoTime() - start) / 1e6);
			if (passes >= MIN_WARM_UP_PASSES && share < QUIET_COMPILER) {
				System.out.printf("warmed up %s in %d passes, %.0f s%n", where, passes,
						(System.nanoTime() - started) / 1e9);
				return;
			}
		}
		System.out.printf("warm-up %s: the JIT compiler was still busy after %d passes%n", where, MAX_WARM_UP_PASSES);
	}

	private interface WarmUpPass {

		void run() throws InterruptedException;

	}

	/**
	 * CPU time of this whole process (every thread, the JIT and the garbage collector
	 * included).
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** One pass of every query through SearchService, each timed. */
	static Latencies timeInProcess(SearchService search, List<String> queries) {
		Latencies latencies = new Latencies();
		for (String query : queries) {
			long start = System.nanoTime();
			search.search(query, 0, "relevance");
			latencies.add(System.nanoTime() - start);
		}
		return latencies;
	}

	/**
	 * The measured passes' samples of each kind of query, for where the time goes;
	 * {@code postgres} null: without the baseline's column.
	 */
	private static void byKind(List<BenchQueries.Query> queries, Latencies lucene, HttpLoad.Result http,
			Latencies postgres) {
		System.out.println("by kind (p50 / p99 / max ms):       Lucene in process      HTTP, all clients"
				+ (postgres == null ? "" : "          PostgreSQL"));
		for (String kind : BenchQueries.KINDS) {
			IntPredicate ofKind = i -> queries.get(i).kind().equals(kind);
			Latencies ours = lucene.select(ofKind);
			Latencies overHttp = http.ofQueries(ofKind);
			System.out.printf("  %-11s %4d queries    %6.1f / %6.1f / %6.1f    %6.1f / %6.1f / %6.1f", kind,
					ours.count(), ours.millis(50), ours.millis(99), ours.millis(100), overHttp.millis(50),
					overHttp.millis(99), overHttp.millis(100));
			if (postgres != null) {
				Latencies theirs = postgres.select(ofKind);
				System.out.printf("    %7.1f / %7.1f / %7.1f", theirs.millis(50), theirs.millis(99),
						theirs.millis(100));
			}
			System.out.println();
		}
	}

	private static String mix(List<BenchQueries.Query> queries) {
		return String.join(", ",
				BenchQueries.KINDS.stream()
					.map(kind -> queries.stream().filter(query -> query.kind().equals(kind)).count() + " " + kind)
					.toList());
	}

}
