package forumkb.bench;

import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestRun;
import forumkb.ingest.IngestService;
import forumkb.system.CommandLine;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-ingest [--threads N] [--seed S]}: generates a realistic corpus as JSON
 * Lines, ingests it end to end (parse, extract, PostgreSQL) and prints posts/s and the
 * peak heap. Generation is not timed. Run it on a throw-away database (see docs/benchmarks.md).
 */
@Component
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
        int threads = intOption(args, "--threads", 200_000);
        long seed = intOption(args, "--seed", 42);
        try {
            Path corpus = Files.createTempFile("forumkb-bench-", ".jsonl");
            try {
                long generateStart = System.nanoTime();
                try (Writer out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
                    new CorpusGenerator(seed).writeJsonLines(threads, out);
                }
                System.out.printf("generated %,d threads (%,d MB) in %.1f s%n", threads,
                        Files.size(corpus) >> 20, (System.nanoTime() - generateStart) / 1e9);
                long postsBefore = count("post");
                resetPeaks();
                long start = System.nanoTime();
                IngestRun run = ingest.ingest("benchmark", List.of(IngestInput.ofFile(corpus, null)));
                double seconds = (System.nanoTime() - start) / 1e9;
                long posts = count("post") - postsBefore;
                System.out.printf("ingested %,d threads, %,d posts in %.1f s: %,.0f posts/s, %,.0f threads/s%n",
                        run.getCreated() + run.getUpdated(), posts, seconds, posts / seconds,
                        (run.getCreated() + run.getUpdated()) / seconds);
                System.out.printf("run: %s; peak heap %,d MB of max %,d MB; %d cores%n", run.getMessage(),
                        peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors());
                return run.getFailed() == 0 ? 0 : 1;
            } finally {
                Files.deleteIfExists(corpus);
            }
        } catch (IOException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            return 1;
        }
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
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
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a whole number, got " + args[i + 1]);
                }
            }
        }
        return fallback;
    }
}
