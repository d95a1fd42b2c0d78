package forumkb.bench;

import forumkb.ForumkbApplication;
import forumkb.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole web application, started from a command for a benchmark: its own throw-away
 * embedded PostgreSQL, a temporary index directory, the live index tailing the database
 * as in production, Tomcat on a free loopback port, no demo corpus. Closing it stops the
 * server and the database and deletes the index.
 *
 * <p>
 * A command runs in a context without a web server whose index is never opened (the real
 * server may hold it); a separate application keeps the benchmark off the user's database
 * and index, whichever one the command was started against.
 */
final class BenchServer implements AutoCloseable {

	private static final AtomicInteger INDEXES = new AtomicInteger();

	private final Path indexDirectory;

	private final boolean kept;

	private final ConfigurableApplicationContext context;

	private final int port;

	private BenchServer(Path indexDirectory, boolean kept, ConfigurableApplicationContext context) {
		this.indexDirectory = indexDirectory;
		this.kept = kept;
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	/**
	 * {@code kept}: null for a throw-away database and index, else a directory whose
	 * {@code pg} and {@code index} folders are kept for the next run
	 * ({@code --keep DIR}), so the query timings can be repeated without ingesting again.
	 * {@code settings}: more {@code --name=value} arguments for this benchmark.
	 */
	static BenchServer start(Path kept, String... settings) throws IOException {
		Path indexDirectory = kept == null ? Files.createTempDirectory("forumkb-bench-index-") : kept.resolve("index");
		List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--server.address=127.0.0.1", "--server.port=0",
				// Said either way: Benchmarks makes a throw-away database the default.
				"--forumkb.embedded.ephemeral=" + (kept == null), "--forumkb.demo.enabled=false",
				"--forumkb.feeds.urls=",
				// No known issues exist while the corpus arrives: matching it to them
				// would only compete for the cores.
				"--forumkb.triage.matcher.enabled=false", "--forumkb.index.dir=" + indexDirectory));
		if (kept != null) {
			arguments.add("--forumkb.embedded.data-dir=" + kept.resolve("pg"));
		}
		arguments.addAll(List.of(settings));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ForumkbApplication.class)
			.web(WebApplicationType.SERVLET)
			.registerShutdownHook(false)
			.run(arguments.toArray(String[]::new));
		return new BenchServer(indexDirectory, kept != null, context);
	}

	/**
	 * The settings that put an application's search on a real OpenSearch node with our
	 * plugin ({@link OpenSearchNode}, started on first call), in an index of this JVM's
	 * own.
	 */
	static List<String> onOpenSearch() throws IOException {
		URI node = OpenSearchNode.running()
			.orElseThrow(() -> new IOException("no OpenSearch node could be started (the reason is above)"));
		// An index of its own for each application: one run loads several eval sets, each
		// on a new database whose change numbers start again.
		return List.of("--forumkb.search.backend=opensearch", "--forumkb.search.opensearch.url=" + node,
				"--forumkb.search.opensearch.index=forumkb-bench-" + ProcessHandle.current().pid() + "-"
						+ INDEXES.incrementAndGet());
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	ApplicationContext context() {
		return context;
	}

	/** The application's event bus, which is the context itself rather than a bean. */
	ApplicationEventPublisher events() {
		return context;
	}

	int port() {
		return port;
	}

	/** Bytes the index takes on disk. */
	long indexBytes() throws IOException {
		try (Stream<Path> files = Files.walk(indexDirectory)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

	@Override
	public void close() throws IOException {
		context.close();
		if (!kept) {
			delete(indexDirectory);
		}
	}

	/** Deletes a folder and everything in it. */
	static void delete(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
