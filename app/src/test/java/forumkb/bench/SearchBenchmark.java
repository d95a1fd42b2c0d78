package forumkb.bench;

import forumkb.index.IndexFeed;
import forumkb.index.OpenSearchClient;
import forumkb.index.OpenSearchIndex;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code benchmark-search [--threads N] [--queries N] [--clients N] [--requests N] [--seed S] [--keep DIR] [--no-baseline]}:
 * ingests a generated corpus into a full application started for the purpose (see
 * {@link BenchServer}) while its index tails the database, waits for the index to catch
 * up, then times a seeded query set in process, over HTTP with concurrent clients, and
 * against a PostgreSQL full-text baseline built from the same rows.
 *
 * <p>
 * {@code --opensearch [--node-heap SIZE]} times both backends in one run instead (no
 * PostgreSQL baseline): the application first runs on a real OpenSearch node
 * ({@link BenchServer#onOpenSearch}) and ingests with both indexes tailing the database,
 * which gives the ingest rate and each index's time until the last thread is searchable,
 * then searches through OpenSearch; the same database and Lucene index
 * ({@code --keep DIR}, else a temp folder deleted at the end) then serve an application
 * on the Lucene backend. Each is timed in process and over HTTP at 1 client and at
 * {@code --clients}.
 */
class SearchBenchmark implements CommandLine.Command {

	/**
	 * Search does not read the sentence vectors; embedding 200,000 threads would take
	 * hours.
	 */
	private static final String WITHOUT_VECTORS = "--forumkb.triage.vectors.enabled=false";

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
				+ " [--opensearch [--node-heap SIZE]]"
				+ "   time search on a generated corpus, in process, over HTTP and against PostgreSQL full text"
				+ " or on OpenSearch";
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
		try {
			if (Options.flag(args, "--opensearch")) {
				onBothBackends(args, kept, threads, seed, queries, clients, requests);
				return 0;
			}
			try (BenchServer server = BenchServer.start(kept, WITHOUT_VECTORS)) {
				indexCorpus(server, threads, seed);
				if (Options.flag(args, "--no-baseline")) {
					measure(server, queries, List.of(clients), requests, null, null);
					return 0;
				}
				try (PostgresBaseline baseline = PostgresBaseline.build(server.bean(DataSource.class), kept != null)) {
					System.out.printf("PostgreSQL baseline: fts_thread + GIN built in %.1f s, %,d MB%n",
							baseline.buildSeconds(), baseline.bytes() >> 20);
					measure(server, queries, List.of(clients), requests, baseline, null);
				}
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
	 * The OpenSearch backend, then the Lucene backend on the same database and Lucene
	 * index, each timed in process and over HTTP at one client and at {@code clients};
	 * ends with the figures side by side.
	 */
	private static void onBothBackends(String[] args, Path kept, int threads, long seed,
			List<BenchQueries.Query> queries, int clients, int requests)
			throws IOException, SQLException, InterruptedException {
		String nodeHeap = Options.option(args, "--node-heap", "1g");
		System.setProperty("forumkb.opensearch.heap", nodeHeap);
		Path folder = kept != null ? kept : Files.createTempDirectory("forumkb-bench-both-");
		List<Integer> clientCounts = List.of(1, clients);
		List<String> settings = new ArrayList<>(BenchServer.onOpenSearch());
		settings.add(WITHOUT_VECTORS);
		Timed openSearch;
		Timed lucene;
		try {
			try (BenchServer server = BenchServer.start(folder, settings.toArray(String[]::new))) {
				indexCorpus(server, threads, seed);
				OpenSearchClient client = server.bean(OpenSearchClient.class);
				openSearch = measure(server, queries, clientCounts, requests, null, () -> nodeCpuNanos(client));
				System.out.println("OpenSearch node, heap " + nodeHeap + ": " + nodeStats(client));
				// The node outlives the application; its copy of the corpus is not kept.
				client.send("DELETE", server.bean(OpenSearchIndex.class).generation(), null);
			}
			try (BenchServer server = BenchServer.start(folder, WITHOUT_VECTORS)) {
				indexCorpus(server, threads, seed);
				lucene = measure(server, queries, clientCounts, requests, null, null);
			}
		}
		finally {
			if (kept == null) {
				BenchServer.delete(folder);
			}
		}
		System.out.printf("%nboth backends, %,d threads (p50 / p99 ms):%n", threads);
		System.out.printf("  Lucene in process           %s%n", lucene.inProcess().summary());
		System.out.printf("  OpenSearch in process       %s%n", openSearch.inProcess().summary());
		for (int count : clientCounts) {
			double luceneP99 = lucene.http().get(count).latencies().millis(99);
			double openSearchP99 = openSearch.http().get(count).latencies().millis(99);
			System.out.printf("  HTTP, %2d client%s, Lucene     %s%n", count, count == 1 ? " " : "s",
					lucene.http().get(count).latencies().summary());
			System.out.printf("  HTTP, %2d client%s, OpenSearch %s%n", count, count == 1 ? " " : "s",
					openSearch.http().get(count).latencies().summary());
			System.out.printf("  OpenSearch p99 / Lucene p99 at %d client%s: %.2f× (target ≤ 2)%n", count,
					count == 1 ? "" : "s", openSearchP99 / luceneP99);
		}
	}

	/** CPU time the OpenSearch node's process has used. */
	private static long nodeCpuNanos(OpenSearchClient client) {
		long millis = 0;
		for (JsonNode node : client.send("GET", "_nodes/stats/process", null).path("nodes")) {
			millis += node.path("process").path("cpu").path("total_in_millis").asLong();
		}
		return TimeUnit.MILLISECONDS.toNanos(millis);
	}

	/** The node's heap, its collections and the index it holds. */
	private static String nodeStats(OpenSearchClient client) {
		StringBuilder stats = new StringBuilder();
		for (JsonNode node : client.send("GET", "_nodes/stats/jvm,indices", null).path("nodes")) {
			JsonNode memory = node.path("jvm").path("mem");
			JsonNode collectors = node.path("jvm").path("gc").path("collectors");
			stats
				.append("heap used %,d of %,d MB now, old generation's peak %,d MB; young collections %,d (%.1f s),"
					.formatted(memory.path("heap_used_in_bytes").asLong() >> 20,
							memory.path("heap_max_in_bytes").asLong() >> 20,
							memory.path("pools").path("old").path("peak_used_in_bytes").asLong() >> 20,
							collectors.path("young").path("collection_count").asLong(),
							collectors.path("young").path("collection_time_in_millis").asLong() / 1e3))
				.append(" old %,d (%.1f s); index %,d MB in %,d segments".formatted(
						collectors.path("old").path("collection_count").asLong(),
						collectors.path("old").path("collection_time_in_millis").asLong() / 1e3,
						node.path("indices").path("store").path("size_in_bytes").asLong() >> 20,
						node.path("indices").path("segments").path("count").asLong()));
		}
		return stats.toString();
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
			waitForIndex(server, "the application started");
			return;
		}
		Path corpus = BenchCorpus.generate(threads, seed);
		try {
			BenchCorpus.Ingested ingested = BenchCorpus.ingest(server.bean(IngestService.class), jdbc, corpus);
			System.out.println(ingested.summary() + ", with the index"
					+ (server.context().getBeansOfType(OpenSearchIndex.class).isEmpty() ? ""
							: "es of Lucene and OpenSearch")
					+ " tailing");
		}
		finally {
			Files.deleteIfExists(corpus);
		}
		waitForIndex(server, "ingest ended");
	}

	/**
	 * Waits until the searchers hold every thread, merged: after a bulk catch-up an index
	 * merges its segments in the background, which would compete with the timed searches.
	 * Says when each index made the last thread searchable, counted from {@code since}.
	 */
	private static void waitForIndex(BenchServer server, String since) throws IOException, InterruptedException {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		long threads = jdbc.queryForObject("select count(*) from thread", Long.class);
		SearchIndex index = server.bean(SearchIndex.class);
		IndexFeed feed = server.bean(IndexFeed.class);
		Map<String, BooleanSupplier> waitingFor = new LinkedHashMap<>();
		waitingFor.put("Lucene", () -> index.holds(feed.lastChange()) && searchable(index) >= threads);
		BooleanSupplier nodeMerging = () -> false;
		for (OpenSearchIndex openSearch : server.context().getBeansOfType(OpenSearchIndex.class).values()) {
			OpenSearchClient client = server.bean(OpenSearchClient.class);
			waitingFor.put("OpenSearch", () -> openSearch.holds(feed.lastChange()));
			nodeMerging = () -> client.send("GET", openSearch.alias() + "/_stats/merge", null)
				.path("_all")
				.path("primaries")
				.path("merges")
				.path("current")
				.asLong() > 0;
		}
		long start = System.nanoTime();
		while (true) {
			double seconds = (System.nanoTime() - start) / 1e9;
			waitingFor.entrySet().removeIf(backend -> {
				boolean searchable = backend.getValue().getAsBoolean();
				if (searchable) {
					System.out.printf("%s: the last thread searchable %.1f s after %s%n", backend.getKey(), seconds,
							since);
				}
				return searchable;
			});
			if (waitingFor.isEmpty() && !index.merging() && !nodeMerging.getAsBoolean()) {
				break;
			}
			if (System.nanoTime() - start > CATCH_UP_LIMIT_NANOS) {
				throw new IOException("the index did not catch up within an hour");
			}
			Thread.sleep(100);
		}
		System.out.printf("index caught up and merged %.1f s after %s: %,d threads, %,d MB on disk%n",
				(System.nanoTime() - start) / 1e9, since, searchable(index), server.indexBytes() >> 20);
	}

	private static int searchable(SearchIndex index) {
		return index.search(searcher -> searcher.getIndexReader().numDocs());
	}

	/**
	 * One application's search timed in process and over HTTP at each number of clients.
	 */
	record Timed(Latencies inProcess, Map<Integer, HttpLoad.Result> http) {
	}

	/**
	 * Times the queries in process, then over HTTP at each number of clients (each client
	 * sends {@code requests}, and together at least four passes over the queries), then
	 * on the PostgreSQL baseline unless it is null; {@code nodeCpu}, where not null, adds
	 * a search node's CPU to the application's.
	 */
	private static Timed measure(BenchServer server, List<BenchQueries.Query> queries, List<Integer> clientCounts,
			int requests, PostgresBaseline baseline, LongSupplier nodeCpu) throws SQLException, InterruptedException {
		List<String> texts = queries.stream().map(BenchQueries.Query::text).toList();
		SearchService search = server.bean(SearchService.class);
		warmUp("in process", () -> timeInProcess(search, texts));
		Latencies inProcess = timeInProcess(search, texts);
		System.out.println("in process:            " + inProcess.summary());

		HttpLoad load = new HttpLoad(server.port(), texts);
		int mostClients = clientCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
		warmUp("over HTTP", () -> load.run(mostClients, Math.ceilDiv(texts.size(), mostClients)));
		Map<Integer, HttpLoad.Result> results = new LinkedHashMap<>();
		for (int clients : clientCounts) {
			results.put(clients, timeOverHttp(server, load, clients,
					Math.max(requests, Math.ceilDiv(4 * texts.size(), clients)), nodeCpu));
		}

		Latencies postgres = null;
		if (baseline != null) {
			baseline.run(texts);
			postgres = baseline.run(texts);
			System.out.println("PostgreSQL in process: " + postgres.summary()
					+ (baseline.timeouts() > 0 ? "; " + baseline.timeouts() + " timed out" : ""));
		}
		byKind(queries, inProcess, results.get(mostClients), postgres);
		return new Timed(inProcess, results);
	}

	private static HttpLoad.Result timeOverHttp(BenchServer server, HttpLoad load, int clients, int requests,
			LongSupplier nodeCpu) throws InterruptedException {
		Timer serverSide = server.bean(MeterRegistry.class).get("forumkb.search").timer();
		long countBefore = serverSide.count();
		double totalBefore = serverSide.totalTime(TimeUnit.MILLISECONDS);
		long cpuBefore = processCpuNanos();
		long nodeCpuBefore = nodeCpu == null ? 0 : nodeCpu.getAsLong();
		HttpLoad.Result http = load.run(clients, requests);
		double cpuPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / http.requests();
		double nodeCpuPerRequest = nodeCpu == null ? 0 : (nodeCpu.getAsLong() - nodeCpuBefore) / 1e6 / http.requests();
		double serverMean = (serverSide.totalTime(TimeUnit.MILLISECONDS) - totalBefore)
				/ Math.max(1, serverSide.count() - countBefore);
		System.out.printf("HTTP, %d client%s:%s %s%n", clients, clients == 1 ? "" : "s",
				" ".repeat(Math.max(1, 7 - Integer.toString(clients).length())), http.latencies().summary());
		System.out.printf(
				"  %,d requests in %.1f s: %,.0f req/s; failures %s; SearchService mean %.1f ms;"
						+ " CPU %.1f ms a request (server and clients; the clients %.2f)%s; %,d bytes an answer;"
						+ " longest URI %,d characters; load average %.1f%n",
				http.requests(), http.seconds(), http.throughput(),
				http.failures().isEmpty() ? "none" : http.failures(), serverMean, cpuPerRequest,
				http.clientCpuNanos() / 1e6 / http.requests(),
				nodeCpu == null ? "" : ", the OpenSearch node %.1f more".formatted(nodeCpuPerRequest),
				http.bodyBytes() / Math.max(1, http.requests()), load.longestUri(), ModelCost.loadAverage());
		return http;
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
	private static void byKind(List<BenchQueries.Query> queries, Latencies inProcess, HttpLoad.Result http,
			Latencies postgres) {
		System.out.println("by kind (p50 / p99 / max ms):       in process             HTTP, all clients"
				+ (postgres == null ? "" : "          PostgreSQL"));
		for (String kind : BenchQueries.KINDS) {
			IntPredicate ofKind = i -> queries.get(i).kind().equals(kind);
			Latencies ours = inProcess.select(ofKind);
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
