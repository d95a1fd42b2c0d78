package forumkb.bench;

import forumkb.ForumkbApplication;
import forumkb.system.CommandLine;
import org.springframework.context.annotation.Import;

/**
 * Runs one benchmark as a command of the application with the benchmark commands added:
 * {@code ./mvnw spring-boot:test-run@benchmark -Dspring-boot.run.arguments="NAME …"} (see
 * docs/benchmarks.md). They live in test scope so the production jar and a server start
 * carry none of them; imported here rather than scanned, so the test contexts do not
 * create them either.
 */
@Import({ ForumkbApplication.class, IngestBenchmark.class, SearchBenchmark.class, SearchQualityBenchmark.class,
		EmbeddingBenchmark.class, TriageQualityBenchmark.class, TriageSpeedBenchmark.class })
public class Benchmarks {

	public static void main(String[] args) {
		// The tests' config/application.properties is on this classpath too: benchmarks
		// measure the production settings.
		System.setProperty("spring.config.location", "classpath:/");
		// A benchmark never writes to the user's database: the command's own context and
		// every application a benchmark starts run on throw-away ones unless told
		// otherwise.
		System.setProperty("forumkb.embedded.ephemeral", "true");
		if (args.length == 0) {
			System.err
				.println("Name a benchmark, e.g. benchmark-ingest --threads 2000 (docs/benchmarks.md lists them)");
			System.exit(2);
		}
		System.exit(CommandLine.run(Benchmarks.class, args));
	}

}
