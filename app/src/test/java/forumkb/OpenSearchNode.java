package forumkb;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSearch node for the tests, without Docker: the integ-test distribution
 * (Maven's copy, {@code forumkb.opensearch.distribution}) unpacked once into
 * {@code app/target/opensearch/}, our plugin zip ({@code forumkb.opensearch.plugin-zip},
 * built by the opensearch-plugin module's {@code package}) installed into it, and one
 * node per test JVM on 127.0.0.1 with a 512 MB heap ({@code forumkb.opensearch.heap} sets
 * another, e.g. for a benchmark's larger corpus), stopped when the JVM ends.
 *
 * <p>
 * Use it as {@code @ExtendWith(OpenSearchNode.class)} on a test class, or call
 * {@link #url()} (for instance from a {@code @DynamicPropertySource}); either starts the
 * node on first use. Where no node can be started (no distribution or plugin zip, or
 * running as root without the {@value #DEFAULT_USER} user OpenSearch needs, which
 * {@code .ci/run} creates), the tests are skipped with the reason, never failed.
 */
public final class OpenSearchNode implements BeforeEachCallback {

	/** OpenSearch refuses to run as root; as root the node runs as this user. */
	static final String DEFAULT_USER = "forumkb-search";

	/** 13-30 s on an idle machine; minutes when the machine runs several builds. */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	/** In each node's folder: its process id, for {@link #removeLeftovers}. */
	private static final String NODE_PID = "node.pid";

	/**
	 * The {@code @Order} of the test classes that need the node: last in
	 * {@link SecondJvmSuite}, which starts the node in the background as it begins.
	 */
	public static final int CLASS_ORDER = Integer.MAX_VALUE;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static URI url;

	private static String unavailable;

	/** Why the node did not start, so that every test needing it fails with it. */
	private static RuntimeException startFailure;

	/** Before each test rather than the class, so each skipped test shows as skipped. */
	@Override
	public void beforeEach(ExtensionContext context) {
		url();
	}

	/**
	 * The running node's address, e.g. {@code http://127.0.0.1:41234}; starts it on first
	 * call, skips the calling test where it cannot run.
	 */
	public static URI url() {
		Optional<URI> running = running();
		Assumptions.assumeTrue(running.isPresent(), () -> "no OpenSearch node, because " + unavailable);
		return running.get();
	}

	/**
	 * Starts the node on a thread of its own, for a suite whose classes need it later:
	 * its half-minute start then runs beside other tests instead of before them. The
	 * first {@link #url()} waits for it; a start that failed fails there.
	 */
	public static void startInBackground() {
		Thread.ofPlatform().daemon().name("opensearch-node-start").start(OpenSearchNode::running);
	}

	/**
	 * The running node's address, started on first call, or empty where no node can run:
	 * for a Spring context's settings, where a skip cannot be thrown.
	 */
	public static synchronized Optional<URI> running() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (url == null && unavailable == null) {
			unavailable = whyUnavailable();
			if (unavailable == null) {
				try {
					url = start();
				}
				catch (RuntimeException ex) {
					startFailure = ex;
					throw ex;
				}
			}
			else {
				System.err.println("OpenSearch tests skipped: no node, because " + unavailable);
			}
		}
		return Optional.ofNullable(url);
	}

	private static Path distribution() {
		return Path.of(System.getProperty("forumkb.opensearch.distribution", ""));
	}

	private static Path pluginZip() {
		return Path.of(System.getProperty("forumkb.opensearch.plugin-zip", ""));
	}

	/**
	 * app/target/opensearch, or where the node's user cannot reach that (a checkout under
	 * a folder closed to others, such as /root), a folder of its own in the temp folder.
	 */
	private static Path workDir() {
		Path inTarget = Path.of(System.getProperty("forumkb.opensearch.work", "target/opensearch")).toAbsolutePath();
		if (!runningAsRoot()
				|| run(concat(asUser(), List.of("test", "-x", inTarget.getParent().toString())), null) == 0) {
			return inTarget;
		}
		return Path.of(System.getProperty("java.io.tmpdir"),
				"forumkb-opensearch-" + Integer.toHexString(inTarget.hashCode()));
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static String user() {
		return System.getProperty("forumkb.opensearch.user", DEFAULT_USER);
	}

	/** Null when a node can be started, else the one-line reason it cannot. */
	private static String whyUnavailable() {
		if (!Files.isRegularFile(distribution())) {
			return "the distribution zip is missing (-Dforumkb.opensearch.distribution=" + distribution() + ")";
		}
		if (!Files.isRegularFile(pluginZip())) {
			return "the plugin zip is not built (./mvnw package builds opensearch-plugin/target/*-plugin.zip)";
		}
		if (runningAsRoot() && run(List.of("id", "-u", user()), null) != 0) {
			return "it refuses to run as root and there is no user " + user() + " to run it as (.ci/run creates one)";
		}
		return null;
	}

	private static URI start() {
		try {
			Path work = Files.createDirectories(workDir());
			Path home = installed(work);
			Path nodeDir = Files
				.createDirectories(work.resolve("nodes").resolve(Long.toString(ProcessHandle.current().pid())));
			Files.createDirectories(nodeDir.resolve("data"));
			Files.createDirectories(nodeDir.resolve("logs"));
			if (runningAsRoot()) {
				check(run(List.of("chown", "-R", user() + ":", nodeDir.toString()), null), "chown " + nodeDir);
			}
			int port = freePort();
			List<String> command = concat(asUser(),
					List.of(home.resolve("bin/opensearch").toString(), "-Ediscovery.type=single-node",
							"-Enetwork.host=127.0.0.1", "-Ehttp.port=" + port, "-Etransport.port=" + freePort(),
							"-Ecluster.name=forumkb-test-" + ProcessHandle.current().pid(),
							"-Epath.data=" + nodeDir.resolve("data"), "-Epath.logs=" + nodeDir.resolve("logs"),
							// The machine's disk may be fuller than the default
							// watermarks allow.
							"-Ecluster.routing.allocation.disk.threshold_enabled=false"));
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(nodeDir.resolve("console.log").toFile());
			builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
			// Small and quiet: the JVM's own logs (gc.log) would be shared by every node
			// of this home. The tests' JIT setting (forumkb.test.child-jvm-options) too;
			// the benchmarks set none, so their node keeps the full JIT.
			String heap = System.getProperty("forumkb.opensearch.heap", "512m");
			builder.environment()
				.put("OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -Xlog:disable "
						+ System.getProperty("forumkb.test.child-jvm-options", ""));
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			Process node = builder.start();
			Files.writeString(nodeDir.resolve(NODE_PID), Long.toString(node.pid()));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node)));
			URI address = URI.create("http://127.0.0.1:" + port);
			await("OpenSearch on " + address + " (its output: " + nodeDir.resolve("console.log") + ")")
				.atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					if (!node.isAlive()) {
						throw new IllegalStateException("OpenSearch exited with " + node.exitValue() + ": "
								+ tail(nodeDir.resolve("console.log")));
					}
					return healthy(address);
				});
			return address;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGTERM, then SIGKILL if it does not stop in time: no node outlives the tests. */
	private static void stop(Process node) {
		node.destroy();
		try {
			if (!node.waitFor(30, TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			node.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static boolean healthy(URI address) {
		try {
			HttpResponse<String> health = HTTP
				.send(HttpRequest.newBuilder(address.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The unpacked distribution with the current plugin zip installed, set up once for
	 * all test JVMs (they take turns through a file lock); a rebuilt plugin zip is
	 * reinstalled.
	 */
	private static Path installed(Path work) throws IOException {
		try (FileChannel channel = FileChannel.open(work.resolve("setup.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			removeLeftovers(work.resolve("nodes"));
			Path home = work.resolve("home");
			if (!Files.isRegularFile(home.resolve("bin/opensearch"))) {
				unpack(distribution(), work.resolve("home.partial"));
				Files.move(work.resolve("home.partial"), home, StandardCopyOption.ATOMIC_MOVE);
			}
			boolean changed = false;
			if (!Files.exists(home.resolve("config/opensearch.keystore"))) {
				// Made here, under the lock: a node makes it on its first start
				// otherwise, and
				// two test JVMs starting theirs at once failed saving it.
				check(run(List.of(home.resolve("bin/opensearch-keystore").toString(), "create"), home),
						"opensearch-keystore create");
				changed = true;
			}
			Path installedFrom = home.resolve(".forumkb-plugin-zip");
			String current = pluginZip() + " " + Files.getLastModifiedTime(pluginZip()) + " " + Files.size(pluginZip());
			if (!Files.isRegularFile(installedFrom) || !Files.readString(installedFrom).equals(current)) {
				Path plugin = home.resolve("plugins/forumkb-analysis");
				if (Files.exists(plugin)) {
					check(run(List.of(home.resolve("bin/opensearch-plugin").toString(), "remove", "forumkb-analysis"),
							home), "opensearch-plugin remove");
				}
				check(run(List.of(home.resolve("bin/opensearch-plugin").toString(), "install", "--batch",
						pluginZip().toUri().toString()), home), "opensearch-plugin install " + pluginZip());
				Files.writeString(installedFrom, current);
				changed = true;
			}
			if (changed && runningAsRoot()) {
				check(run(List.of("chown", "-R", user() + ":", home.toString()), null), "chown " + home);
			}
			return home;
		}
	}

	/**
	 * The folders of nodes whose test JVM has ended; a node still running there (its JVM
	 * was killed before its shutdown hook ran) is killed by its pid.
	 */
	private static void removeLeftovers(Path nodes) throws IOException {
		if (!Files.isDirectory(nodes)) {
			return;
		}
		try (Stream<Path> folders = Files.list(nodes)) {
			for (Path folder : folders.toList()) {
				boolean testJvmAlive = ProcessHandle.of(Long.parseLong(folder.getFileName().toString()))
					.map(ProcessHandle::isAlive)
					.orElse(false);
				if (testJvmAlive) {
					continue;
				}
				Path pidFile = folder.resolve(NODE_PID);
				if (Files.isRegularFile(pidFile)) {
					ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
						.filter(node -> node.info().commandLine().orElse("").contains("opensearch"))
						.ifPresent(ProcessHandle::destroyForcibly);
				}
				delete(folder);
			}
		}
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> old = Files.walk(folder)) {
				old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** The zip's top folder becomes {@code target}; executables keep their bit. */
	private static void unpack(Path zip, Path target) throws IOException {
		delete(target);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				String name = entry.getName();
				int slash = name.indexOf('/');
				if (slash < 0 || slash == name.length() - 1) {
					continue;
				}
				Path file = target.resolve(name.substring(slash + 1)).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("zip entry outside its folder: " + name);
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
					continue;
				}
				Files.createDirectories(file.getParent());
				Files.copy(in, file);
				if (name.contains("/bin/")) {
					file.toFile().setExecutable(true, false);
				}
			}
		}
	}

	/**
	 * As root, the command runs as {@link #user()} (setpriv execs, so the pid is the
	 * node's).
	 */
	private static List<String> asUser() {
		return runningAsRoot() ? List.of("setpriv", "--reuid=" + user(), "--regid=" + user(), "--init-groups", "--")
				: List.of();
	}

	private static int run(List<String> command, Path directory) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			if (directory != null) {
				builder.directory(directory.toFile());
				builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
			}
			Process process = builder.start();
			try (InputStream out = process.getInputStream()) {
				out.transferTo(System.err);
			}
			return process.waitFor();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static void check(int exitCode, String what) {
		if (exitCode != 0) {
			throw new IllegalStateException(what + " failed with exit code " + exitCode);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

}
