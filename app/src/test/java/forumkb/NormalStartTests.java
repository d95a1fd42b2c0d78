package forumkb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start as {@code ./mvnw spring-boot:run} makes it — its own JVM with the
 * application's JVM arguments and class path, the production settings, a new database —
 * prints the banner and nothing an operator would take for an error: no JVM warning about
 * its flags, no library's start-up notice, no stack trace. It watches until the demo
 * corpus is being embedded, since the sentence model and Lucene's vector code announce
 * themselves then. It waits for that JVM most of the time, so it runs beside the other
 * classes of its suite.
 */
@Execution(ExecutionMode.CONCURRENT)
class NormalStartTests {

	/**
	 * A log level above INFO, in the words Logback, java.util.logging and the JVM use.
	 */
	private static final Pattern LOOKS_LIKE_AN_ERROR = Pattern
		.compile("\\b(WARN|WARNING|ERROR|SEVERE|FATAL)\\b|Exception|^\\s+at ");

	@Test
	void aFirstStartPrintsTheBannerAndNothingThatLooksLikeAnError(@TempDir Path data)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElseThrow());
		// The tests' JIT setting too, which changes nothing the start prints.
		Stream.of(System.getProperty("forumkb.jvm-arguments"), System.getProperty("forumkb.test.child-jvm-options", ""))
			.flatMap(arguments -> Arrays.stream(arguments.trim().split("\\s+")))
			.filter(argument -> !argument.isEmpty())
			.forEach(command::add);
		command.addAll(List.of("-cp", applicationClassPath(), ForumkbApplication.class.getName(), "--server.port=0",
				"--forumkb.embedded.data-dir=" + data.resolve("pg"), "--forumkb.index.dir=" + data.resolve("index")));
		Process application = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true).start();
		List<String> output = new CopyOnWriteArrayList<>();
		Thread.ofVirtual().start(() -> readLines(application, output));
		List<String> start;
		try {
			// Minutes at most: on a busy machine a first start took three and a half.
			await().atMost(Duration.ofMinutes(6))
				.until(() -> !application.isAlive()
						|| output.stream().anyMatch(line -> line.contains("loaded all-MiniLM-L6-v2")));
			// What shutting down prints is not the start's.
			start = List.copyOf(output);
		}
		finally {
			application.destroy();
			if (!application.waitFor(1, TimeUnit.MINUTES)) {
				application.destroyForcibly();
			}
		}

		assertThat(start).anyMatch(line -> line.contains("forumkb is ready: open http://localhost:"))
			.anyMatch(line -> line.contains("loaded all-MiniLM-L6-v2"))
			.noneMatch(line -> LOOKS_LIKE_AN_ERROR.matcher(line).find());
	}

	/** The test JVM's class path without the test classes and their settings. */
	private static String applicationClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static void readLines(Process application, List<String> output) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(output::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
