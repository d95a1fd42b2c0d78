package forumkb.bench;

import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestRun;
import forumkb.ingest.IngestService;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks' corpus: generated into a JSON Lines temp file (not timed), then
 * ingested end to end through the real pipeline and timed.
 */
final class BenchCorpus {

	private BenchCorpus() {
	}

	/** One timed ingest: the run, the posts it added and its wall time. */
	record Ingested(IngestRun run, long posts, double seconds) {
		long threads() {
			return run.getCreated() + run.getUpdated();
		}

		String summary() {
			return String.format("ingested %,d threads, %,d posts in %.1f s: %,.0f posts/s, %,.0f threads/s", threads(),
					posts, seconds, posts / seconds, threads() / seconds);
		}
	}

	/**
	 * Writes {@code threads} generated threads to a new temp file; the caller deletes it.
	 */
	static Path generate(int threads, long seed) throws IOException {
		Path corpus = Files.createTempFile("forumkb-bench-", ".jsonl");
		long start = System.nanoTime();
		try (Writer out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
			new CorpusGenerator(seed).writeJsonLines(threads, out);
		}
		System.out.printf("generated %,d threads (%,d MB) in %.1f s%n", threads, Files.size(corpus) >> 20,
				(System.nanoTime() - start) / 1e9);
		return corpus;
	}

	static Ingested ingest(IngestService ingest, JdbcTemplate jdbc, Path corpus) {
		long postsBefore = count(jdbc, "post");
		long start = System.nanoTime();
		IngestRun run = ingest.ingest("benchmark", List.of(IngestInput.ofFile(corpus, null)));
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Ingested(run, count(jdbc, "post") - postsBefore, seconds);
	}

	private static long count(JdbcTemplate jdbc, String table) {
		Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return count == null ? 0 : count;
	}

}
