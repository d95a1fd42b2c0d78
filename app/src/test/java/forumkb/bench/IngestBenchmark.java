package forumkb.bench;

import forumkb.ingest.IngestService;
import forumkb.system.CommandLine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code benchmark-ingest [--threads N] [--seed S]}: generates a realistic corpus as JSON
 * Lines, ingests it end to end (parse, extract, PostgreSQL) and prints posts/s and the
 * peak heap. Generation is not timed. Run it on a throw-away database (see
 * docs/benchmarks.md).
 */
class IngestBenchmark implements CommandLine.Command {

	private final IngestService ingest;

	private final JdbcTemplate jdbc;

	IngestBenchmark(IngestService ingest, JdbcTemplate jdbc) {
		this.ingest = ingest;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "benchmark-ingest";
	}

	@Override
	public String usage() {
		return "benchmark-ingest [--threads N] [--seed S]   time end-to-end ingest of a generated corpus";
	}

	@Override
	public int run(String[] args) {
		int threads = Options.intOption(args, "--threads", 200_000);
		long seed = Options.intOption(args, "--seed", 42);
		try {
			Path corpus = BenchCorpus.generate(threads, seed);
			try {
				resetPeaks();
				BenchCorpus.Ingested ingested = BenchCorpus.ingest(ingest, jdbc, corpus);
				System.out.println(ingested.summary());
				System.out.printf("run: %s; peak heap %,d MB of max %,d MB; %d cores%n", ingested.run().getMessage(),
						peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20,
						Runtime.getRuntime().availableProcessors());
				return ingested.run().getFailed() == 0 ? 0 : 1;
			}
			finally {
				Files.deleteIfExists(corpus);
			}
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
	}

	private static void resetPeaks() {
		System.gc();
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
	private static long peakHeap() {
		return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

}
