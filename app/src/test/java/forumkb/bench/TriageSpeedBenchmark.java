package forumkb.bench;

import forumkb.knownissue.KnownIssueService;
import forumkb.system.CommandLine;
import forumkb.triage.ThreadVectors;
import forumkb.triage.TriageResult;
import forumkb.triage.TriageService;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark-triage-speed}: triage of pasted ~5 KB crash logs against a generated
 * corpus (200,000 threads by default) with known issues, timed in process. Sentence
 * vectors are made for the first {@code --vectors} threads only: embedding costs ~40 ms a
 * chunk here, so all 200,000 would take hours; the query is embedded every time.
 */
class TriageSpeedBenchmark implements CommandLine.Command {

	private static final int KNOWN_ISSUES = 30;

	@Override
	public String name() {
		return "benchmark-triage-speed";
	}

	@Override
	public String usage() {
		return "benchmark-triage-speed [--threads N] [--vectors N] [--queries N] [--size CHARS] [--seed S] [--keep DIR]"
				+ "   time triage of pasted crash logs on a generated corpus";
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
