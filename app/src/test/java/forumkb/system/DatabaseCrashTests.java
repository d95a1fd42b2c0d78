package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.InFirstJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The embedded PostgreSQL's process is killed (kill -9, with all its backends) under a
 * running application: nothing acknowledged is lost, requests meanwhile answer 503, and
 * the application serves again once the database is back (how soon is a benchmark's
 * question, not one a busy test machine can answer). Its own application on a kept data
 * directory, since killing the database of the shared test context would break the other
 * tests.
 */
@InFirstJvm
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseCrashTests {

	@TempDir
	static Path data;

	ConfigurableApplicationContext app;

	HttpClientSupport engineer;

	JdbcTemplate jdbc;

	String run = UUID.randomUUID().toString().substring(0, 8);

	RestartHold restartHold = new RestartHold();

	@BeforeAll
	void start() {
		app = new SpringApplicationBuilder(ForumkbApplication.class).listeners(restartHold)
			.run("--server.port=0", "--forumkb.embedded.ephemeral=false", "--forumkb.embedded.data-dir=" + data);
		engineer = HttpClientSupport.asEngineer(app, port());
		jdbc = app.getBean(JdbcTemplate.class);
	}

	@AfterAll
	void stop() {
		app.close();
	}

	private int port() {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@Test
	void theDatabaseCommitsDurably() {
		for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			assertThat(jdbc.queryForObject("show " + setting, String.class)).as(setting).isEqualTo("on");
		}
	}

	@Test
	void postgresqlLogsToItsOwnFolderNotTheApplicationsLog(CapturedOutput output) throws IOException {
		String url = app.getBean(EmbeddedDatabase.class).jdbcUrl().replaceFirst("/[^/]+$", "/no_such_database");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);

		Path log = data.resolve("log");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.isDirectory(log) && serverLog(log).contains("\"no_such_database\" does not exist"));
		assertThat(output.getAll()).doesNotContain("no_such_database").doesNotContain("FATAL");
	}

	private static String serverLog(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			StringBuilder all = new StringBuilder();
			for (Path file : files.toList()) {
				all.append(Files.readString(file));
			}
			return all.toString();
		}
	}

	@Test
	void everyThreadOfAnAcknowledgedIngestSurvivesKillingPostgresql() {
		String threads = IntStream.range(0, 300)
			.mapToObj(i -> """
					{"source": "crash-test", "externalId": "%s-%d", "title": "NSURLErrorDomain -1001 after %d seconds",
					 "posts": [{"body": "The request timed out (kCFErrorDomainCFNetwork) on attempt %d"}]}"""
				.formatted(run, i, i, i)
				.replace("\n", " "))
			.collect(Collectors.joining("\n"));

		Response ingest = engineer.upload("/api/ingest", "crash.jsonl", threads);
		assertThat(ingest.status()).isEqualTo(200);
		assertThat(ingest.json().get("created").asInt()).isEqualTo(300);
		killPostgresql();

		await().atMost(Duration.ofSeconds(60)).until(() -> engineer.get("/api/ingest/runs").status() == 200);
		assertThat(
				jdbc.queryForObject("select count(*) from thread where external_id like ?", Integer.class, run + "-%"))
			.isEqualTo(300);
	}

	@Test
	void whilePostgresqlIsDownRequestsAnswer503AndThenTheApplicationServesAgain(CapturedOutput output) {
		Response ingest = engineer.upload("/api/ingest", "one.jsonl", """
				{"source": "crash-test", "externalId": "%s.page", "title": "NEVPNErrorDomain Code=5",
				 "posts": [{"body": "The tunnel stops after sleep"}]}""".formatted(run).replace("\n", " "));
		assertThat(ingest.status()).isEqualTo(200);
		long threadId = jdbc.queryForObject("select id from thread where external_id = ?", Long.class, run + ".page");
		long deadRun = jdbc.queryForObject("""
				insert into ingest_run (origin, status, total, processed, created, updated, unchanged, failed)
				values ('killed.jsonl', 'running', 900, 400, 380, 10, 5, 5) returning id""", Long.class);
		List<String> paths = List.of("/api/search?q=NEVPNErrorDomain", "/threads/" + threadId,
				"/assets/js/search-box.js");
		paths.forEach(path -> assertThat(engineer.get(path).status()).as(path).isEqualTo(200));
		Outage outage = new Outage(port(), paths);

		// On a fast machine the watchdog has PostgreSQL back before the pool's 5-s wait
		// ends, so requests would only wait and then succeed: the application is held
		// refusing traffic until the outage's answers have been seen.
		restartHold.arm();
		try {
			killPostgresql();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> outage.answeredUnavailable("/api/") && outage.answeredUnavailable("/threads/"));
		}
		finally {
			restartHold.release();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(outage::servingAgain);

		List<HttpResponse<String>> answers = outage.allAnswers();
		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
		// Static files need no database: the 503 page's own script and styles still load.
		assertThat(answers).filteredOn(answer -> answer.uri().getPath().startsWith("/assets/"))
			.extracting(HttpResponse::statusCode)
			.containsOnly(200);
		HttpResponse<String> api = answers.stream()
			.filter(answer -> answer.statusCode() == 503 && answer.uri().getPath().startsWith("/api"))
			.findFirst()
			.orElseThrow();
		JsonNode body = HttpClientSupport.JSON.readTree(api.body());
		assertThat(body.get("status").asInt()).isEqualTo(503);
		assertThat(body.get("error").asString()).isEqualTo("Service Unavailable");
		assertThat(body.get("message").asString()).contains("database is unavailable");
		assertThat(body.properties()).hasSize(3);
		HttpResponse<String> page = answers.stream()
			.filter(answer -> answer.statusCode() == 503 && answer.uri().getPath().startsWith("/threads"))
			.findFirst()
			.orElseThrow();
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("503 Service Unavailable")
			.contains("database is unavailable")
			.doesNotContain("Exception");

		assertThat(engineer.get("/threads/" + threadId).status()).isEqualTo(200);
		// A background job caught by the outage says it waits, without a stack trace
		// (BackgroundJobErrorsTests).
		assertThat(output.getAll()).doesNotContain("Unexpected error occurred in scheduled task")
			.doesNotContain("Background job failed");
		JsonNode interrupted = engineer.get("/api/ingest/runs/" + deadRun).json();
		assertThat(interrupted.get("status").asString()).isEqualTo("interrupted");
		assertThat(interrupted.get("message").asString()).contains("380 created, 10 updated, 5 unchanged, 5 failed");
	}

	/**
	 * kill -9 of the postmaster and every process it started, as a crash of the database
	 * would.
	 */
	private void killPostgresql() {
		long pid = app.getBean(EmbeddedDatabase.class).serverPid();
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> all = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
		all.forEach(ProcessHandle::destroyForcibly);
		await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
	}

	/**
	 * Asks for each path again at every poll, without waiting for earlier answers (which
	 * may wait for a database connection), but with few requests in flight, as a person
	 * retrying would; serving again once one round's answers are all 200.
	 */
	static final class Outage {

		private static final int MAX_IN_FLIGHT = 4;

		private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

		private final HttpClient client = HttpClient.newHttpClient();

		private final String base;

		private final List<String> paths;

		private final List<List<CompletableFuture<HttpResponse<String>>>> rounds = new CopyOnWriteArrayList<>();

		Outage(int port, List<String> paths) {
			this.base = "http://localhost:" + port;
			this.paths = paths;
		}

		boolean answeredUnavailable(String pathPrefix) {
			poll();
			return rounds.stream()
				.flatMap(List::stream)
				.anyMatch(answer -> answer.isDone() && !answer.isCompletedExceptionally()
						&& answer.join().statusCode() == 503 && answer.join().uri().getPath().startsWith(pathPrefix));
		}

		boolean servingAgain() {
			poll();
			return rounds.stream()
				.anyMatch(round -> round.stream()
					.allMatch(answer -> answer.isDone() && !answer.isCompletedExceptionally()
							&& answer.join().statusCode() == 200));
		}

		private void poll() {
			if (inFlight() < MAX_IN_FLIGHT) {
				fireRound();
			}
		}

		private void fireRound() {
			rounds.add(paths.stream()
				.map(path -> client.sendAsync(
						HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).build(),
						HttpResponse.BodyHandlers.ofString()))
				.toList());
		}

		private long inFlight() {
			return rounds.stream().flatMap(List::stream).filter(answer -> !answer.isDone()).count();
		}

		List<HttpResponse<String>> allAnswers() {
			return rounds.stream().flatMap(List::stream).map(CompletableFuture::join).toList();
		}

	}

	/**
	 * Keeps the application refusing traffic after the watchdog has started PostgreSQL
	 * again, while armed: it runs before the listener that records the readiness.
	 */
	static final class RestartHold implements ApplicationListener<AvailabilityChangeEvent<?>>, Ordered {

		private volatile CountDownLatch held;

		void arm() {
			held = new CountDownLatch(1);
		}

		void release() {
			held.countDown();
		}

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
			CountDownLatch latch = held;
			if (latch != null && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
				try {
					latch.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
