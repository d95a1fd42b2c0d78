package forumkb.bench;

import forumkb.knownissue.KnownIssueService;
import forumkb.search.SearchService;
import forumkb.system.CommandLine;
import forumkb.triage.ThreadVectors;
import forumkb.triage.TriageResult;
import forumkb.triage.TriageService;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark-triage-speed}: triage of pasted ~5 KB crash logs against a generated
 * corpus (200,000 threads by default) with known issues, timed in process. Sentence
 * vectors are made for the first {@code --vectors} threads only: embedding costs ~40 ms a
 * chunk here, so all 200,000 would take hours; the query is embedded every time. With
 * {@code --backlog}, it then times triage and search idle and while the backlog embeds
 * the rest.
 */
class TriageSpeedBenchmark implements CommandLine.Command {

	private static final int KNOWN_ISSUES = 30;

	/**
	 * Threads a backlog pass embeds before it commits, as the server's scheduled pass
	 * does every ten seconds at most.
	 */
	private static final int BACKLOG_PASS = 64;

	@Override
	public String name() {
		return "benchmark-triage-speed";
	}

	@Override
	public String usage() {
		return "benchmark-triage-speed [--threads N] [--vectors N] [--queries N] [--size CHARS] [--seed S] [--keep DIR]"
				+ " [--backlog]" + "   time triage of pasted crash logs on a generated corpus";
	}

	@Override
	public int run(String[] args) {
		int threads = Options.intOption(args, "--threads", 200_000);
		int vectorThreads = Options.intOption(args, "--vectors", 3_000);
		int queryCount = Options.intOption(args, "--queries", 200);
		int size = Options.intOption(args, "--size", 5_000);
		long seed = Options.intOption(args, "--seed", 42);
		List<String> logs = BenchQueries.crashLogs(queryCount, size, seed + 2);
		try (BenchServer server = BenchServer.start(Options.pathOption(args, "--keep"),
				"--forumkb.triage.vectors.refresh-interval=PT1000H")) {
			SearchBenchmark.indexCorpus(server, threads, seed);
			ThreadVectors vectors = server.bean(ThreadVectors.class);
			OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			long started = System.nanoTime();
			long cpuBefore = system.getProcessCpuTime();
			int embedded = vectors.catchUp(vectorThreads);
			double seconds = (System.nanoTime() - started) / 1e9;
			double cpuSeconds = (system.getProcessCpuTime() - cpuBefore) / 1e9;
			System.out.printf(
					"sentence vectors for %,d threads in %.1f s: %.1f threads/s, %.3f CPU-seconds a thread,"
							+ " load average %.1f after; %s%n",
					embedded, seconds, embedded / seconds, cpuSeconds / embedded, system.getSystemLoadAverage(),
					vectors.status());
			addKnownIssues(server);
			TriageService triage = server.bean(TriageService.class);
			time(triage, logs);
			Latencies latencies = time(triage, logs);
			System.out.printf("triage of %,d-character crash logs, in process: %s%n", size, latencies.summary());
			if (Options.flag(args, "--backlog")) {
				duringBacklog(server, logs, seed);
			}
			return 0;
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/**
	 * Known issues made from threads spread over the corpus, as engineers would from the
	 * thread page.
	 */
	private static void addKnownIssues(BenchServer server) {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		KnownIssueService knownIssues = server.bean(KnownIssueService.class);
		if (jdbc.queryForObject("select count(*) from known_issue", Long.class) >= KNOWN_ISSUES) {
			System.out.println("kept database: known issues made in an earlier run");
			return;
		}
		List<Long> ids = jdbc.queryForList("select id from thread where id % 997 = 0 order by id limit ?", Long.class,
				KNOWN_ISSUES);
		for (long id : ids) {
			knownIssues.create(knownIssues.draftFromThread(id), "benchmark");
		}
		System.out.printf("%d known issues made from threads%n", ids.size());
	}

	/**
	 * Triage and search p99 idle and while the vector backlog runs (the scheduled pass
	 * the server runs, driven here), alternating twice so that a change in the machine's
	 * load shows in both; the backlog must hold the rest of the corpus.
	 */
	private static void duringBacklog(BenchServer server, List<String> logs, long seed) throws InterruptedException {
		TriageService triage = server.bean(TriageService.class);
		SearchService search = server.bean(SearchService.class);
		ThreadVectors vectors = server.bean(ThreadVectors.class);
		List<String> queries = BenchQueries.generate(200, seed + 1).stream().map(BenchQueries.Query::text).toList();
		SearchBenchmark.timeInProcess(search, queries);
		SearchBenchmark.timeInProcess(search, queries);
		Map<Boolean, Latencies> triaged = new HashMap<>(Map.of(false, new Latencies(), true, new Latencies()));
		Map<Boolean, Latencies> searched = new HashMap<>(Map.of(false, new Latencies(), true, new Latencies()));
		for (int round = 1; round <= 2; round++) {
			for (boolean backlog : List.of(false, true)) {
				AtomicBoolean running = new AtomicBoolean(backlog);
				AtomicLong embedded = new AtomicLong();
				Thread worker = Thread.ofPlatform().name("backlog").start(() -> {
					while (running.get()) {
						embedded.addAndGet(vectors.catchUp(BACKLOG_PASS));
					}
				});
				double load = ModelCost.loadAverage();
				Latencies triageRound = time(triage, logs);
				Latencies searchRound = SearchBenchmark.timeInProcess(search, queries);
				running.set(false);
				worker.join();
				triaged.get(backlog).addAll(triageRound);
				searched.get(backlog).addAll(searchRound);
				System.out.printf(
						"round %d, %s (load average %.1f, %,d threads embedded meanwhile):%n  triage %s%n"
								+ "  search %s%n",
						round, backlog ? "backlog running" : "idle", load, embedded.get(), triageRound.summary(),
						searchRound.summary());
			}
		}
		System.out.printf(
				"p99 with the backlog running / idle, both rounds: triage %.1f / %.1f ms = %.2f×;"
						+ " search %.1f / %.1f ms = %.2f×; %s%n",
				triaged.get(true).millis(99), triaged.get(false).millis(99),
				triaged.get(true).millis(99) / triaged.get(false).millis(99), searched.get(true).millis(99),
				searched.get(false).millis(99), searched.get(true).millis(99) / searched.get(false).millis(99),
				vectors.status());
	}

	private static Latencies time(TriageService triage, List<String> logs) {
		Latencies latencies = new Latencies();
		for (String log : logs) {
			long start = System.nanoTime();
			TriageResult result = triage.triage(log);
			latencies.add(System.nanoTime() - start);
			if (result.suggestions().isEmpty()) {
				System.out.println("no suggestion for a crash log: " + log.substring(0, 80));
			}
		}
		return latencies;
	}

}
