package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.account.Role;
import forumkb.digest.MailServer;
import forumkb.digest.Subscribers;
import forumkb.digest.Subscribers.Subscriber;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one PostgreSQL, started together on an empty database (as
 * {@code docker compose up --scale app=2} would): each keeps its own search index, and
 * the jobs that must run once (first-start seeding, feed polling, the known-issue
 * matcher, digest sending) run on one node at a time, though every node schedules them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesTests {

	static final Duration FEED_INTERVAL = Duration.ofSeconds(3);

	/**
	 * A slow forum: the node polling it waits this long, while its index must keep up.
	 */
	static final Duration FEED_ANSWER = Duration.ofMillis(1500);
	static final String MATCHER = "known-issue-matcher";

	final MailServer mail = new MailServer();

	final List<Long> feedFetches = new CopyOnWriteArrayList<>();

	/**
	 * Threads of the test's own: the common pool may have one worker, which the nodes'
	 * indexing uses.
	 */
	final ExecutorService threads = Executors.newCachedThreadPool();

	EmbeddedPostgres database;

	HttpServer forum;

	ConfigurableApplicationContext one;

	ConfigurableApplicationContext two;

	@BeforeAll
	void startTwoNodes() throws IOException {
		database = EmbeddedPostgres.builder().start();
		byte[] feed;
		try (InputStream in = getClass().getResourceAsStream("/fixtures/apple-xpc-tag.rss")) {
			feed = in.readAllBytes();
		}
		forum = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		forum.createContext("/tags/xpc/rss", exchange -> {
			feedFetches.add(System.nanoTime());
			awaitLatch(new CountDownLatch(1), FEED_ANSWER); // nothing counts it down: the
															// answer is late
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, feed.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(feed);
			}
		});
		forum.start();
		// Both start at once on one database; only Spring Boot's logging set-up, which is
		// global to the JVM, must not run in both at the same time.
		CountDownLatch firstLogging = new CountDownLatch(1);
		CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture
			.supplyAsync(() -> node(firstLogging), threads);
		CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> {
			try {
				firstLogging.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return node(new CountDownLatch(1));
		}, threads);
		one = first.join();
		two = second.join();
	}

	/**
	 * A node with the demo, the digest job checking twice a second, the matcher and the
	 * feed poller busy.
	 */
	ConfigurableApplicationContext node(CountDownLatch loggingReady) {
		return new SpringApplicationBuilder(ForumkbApplication.class)
			.listeners((ApplicationListener<ApplicationPreparedEvent>) prepared -> loggingReady.countDown())
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--forumkb.demo.enabled=true",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.port(),
					"--forumkb.digest.scheduled=true", "--forumkb.digest.initial-delay=PT0S",
					"--forumkb.digest.check-interval=PT0.5S",
					// Every minute: last week's digest is due from Monday 00:00, whenever
					// the
					// test runs.
					"--forumkb.digest.cron=0 * * * * *", "--forumkb.triage.match-interval=PT0.2S",
					// The test's forum listens on loopback, which URL ingest refuses
					// unless
					// allowed.
					"--forumkb.ingest.allowed-hosts=127.0.0.1",
					"--forumkb.feeds.urls=http://127.0.0.1:" + forum.getAddress().getPort() + "/tags/xpc/rss",
					"--forumkb.feeds.poll-interval=" + FEED_INTERVAL, "--forumkb.feeds.check-interval=PT0.2S",
					"--forumkb.feeds.initial-delay=PT0S");
	}

	@AfterAll
	void stop() {
		one.close();
		two.close();
		forum.stop(0);
		threads.shutdownNow();
		try {
			database.close();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	JdbcTemplate jdbc() {
		return one.getBean(JdbcTemplate.class);
	}

	@Test
	void nodesStartingTogetherFillTheEmptyDatabaseOnce() {
		assertThat(jdbc().queryForObject("select count(*) from app_user where email = 'admin@localhost'", Long.class))
			.isOne();
		assertThat(jdbc().queryForObject("select count(*) from thread where external_id ~ '^(90|gh-)'", Long.class))
			.isEqualTo(49);
		assertThat(jdbc().queryForList("select title from known_issue where created_by = 'demo'", String.class))
			.hasSize(5)
			.doesNotHaveDuplicates();
	}

	@Test
	void aThreadIngestedThroughOneNodeIsSearchableThroughTheOtherWithinTwoSeconds() {
		HttpClientSupport first = HttpClientSupport.asEngineer(one, port(one));
		HttpClientSupport second = new HttpClientSupport(port(two));
		assertThat(first
			.upload("/api/ingest", "one.jsonl",
					"""
							{"source": "nodes", "externalId": "n-1", "title": "kCFStreamErrorDomainSSL -9836 on the second node",
							 "posts": [{"body": "quokkaridge handshake fails"}]}"""
						.replace("\n", " "))
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(2))
			.until(() -> second.get("/api/search?q=quokkaridge").json().get("total").asLong() == 1);
	}

	@Test
	void aKnownIssueMadeOnOneNodeIsSuggestedByTheOthersTriage() {
		HttpClientSupport first = HttpClientSupport.asEngineer(one, port(one));
		HttpClientSupport second = new HttpClientSupport(port(two));
		long id = first
			.postJson("/api/known-issues",
					knownIssue("Wombat helper rejected", "WombatErrorDomain:-67051", "wombat requirement failed"))
			.json()
			.get("id")
			.asLong();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> suggests(second
				.postJson("/api/triage",
						"{\"text\": \"Error Domain=WombatErrorDomain Code=-67051 wombat requirement failed\"}")
				.json(), id));
	}

	@Test
	void theMatcherRecordsAnArrivingThreadsMatchOnceThoughBothNodesRunIt() throws Exception {
		HttpClientSupport first = HttpClientSupport.asEngineer(one, port(one));
		HttpClientSupport second = new HttpClientSupport(port(two));
		long id = first
			.postJson("/api/known-issues",
					knownIssue("Notarized helper rejected", "NSOSStatusErrorDomain:-67050", "code requirement failed"))
			.json()
			.get("id")
			.asLong();

		// While node one's test code holds the matcher's job, no node may match: the job
		// is one for all.
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> one.getBean(ClusterJobs.class).runAfterOthers(MATCHER, () -> {
				held.countDown();
				awaitLatch(release, Duration.ofMinutes(1));
			}), threads);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		first.upload("/api/ingest", "arrival.jsonl", """
				{"source": "nodes", "externalId": "n-2", "title": "SMAppService helper will not launch",
				 "posts": [{"body": "launchd refuses it: Error Domain=NSOSStatusErrorDomain Code=-67050
				 code requirement failed"}]}""".replace("\n", " "));
		long thread = jdbc().queryForObject("select id from thread where external_id = 'n-2'", Long.class);
		await().atMost(Duration.ofSeconds(2))
			.until(() -> second.get("/api/search?q=SMAppService+launchd").json().get("total").asLong() >= 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> matches(id, thread) == 0);

		release.countDown();
		holder.get(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> matches(id, thread) == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> matches(id, thread) == 1);
	}

	@Test
	void aDigestWeekIsSentOnceThoughBothNodesRunTheDigestJob() {
		List<Subscriber> subscribers = List.of(
				Subscribers.subscribed(one, port(one), mail, Role.DEVELOPER, Subscribers.settings()),
				Subscribers.subscribed(two, port(two), mail, Role.ENGINEER, Subscribers.settings()));
		// Confirmed before last week's send time, so last week's digest is due now on
		// both nodes.
		jdbc().update("update digest_subscription set confirmed_at = now() - interval '8 days'");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> subscribers.stream().allMatch(subscriber -> mail.digests(subscriber.email()) >= 1));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> subscribers.stream().allMatch(subscriber -> mail.digests(subscriber.email()) == 1));
	}

	@Test
	void theFeedIsFetchedOnceAnIntervalAcrossBothNodes() {
		await().atMost(Duration.ofSeconds(15)).until(() -> feedFetches.size() >= 3);
		List<Long> fetches = List.copyOf(feedFetches);
		for (int i = 1; i < fetches.size(); i++) {
			assertThat(Duration.ofNanos(fetches.get(i) - fetches.get(i - 1))).as("time between fetches")
				.isGreaterThanOrEqualTo(FEED_INTERVAL);
		}
	}

	@Test
	void aJobIsFreedWhenTheConnectionOfTheNodeRunningItIsLost() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> holder = CompletableFuture
			.supplyAsync(() -> one.getBean(ClusterJobs.class).runOnce("lost", () -> {
				held.countDown();
				awaitLatch(release, Duration.ofMinutes(1));
			}), threads);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		ClusterJobs other = two.getBean(ClusterJobs.class);
		assertThat(other.runOnce("lost", () -> {
		})).as("running on node one").isFalse();

		jdbc().queryForList(
				"select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
						+ " and objsubid = 2 and objid::bigint = ?",
				Boolean.class, Integer.toUnsignedLong("lost".hashCode()));
		await().atMost(Duration.ofSeconds(2)).until(() -> other.runOnce("lost", () -> {
		}));

		release.countDown();
		assertThat(holder.get(10, TimeUnit.SECONDS)).as("the run itself finished").isTrue();
	}

	static String knownIssue(String title, String error, String phrase) {
		return """
				{"title": "%s", "symptom": "the helper is refused", "rootCause": "", "workaround": "",
				 "status": "fixed", "signature": [{"kind": "error", "value": "%s"},
				 {"kind": "phrase", "value": "%s"}], "threadIds": []}""".formatted(title, error, phrase);
	}

	static boolean suggests(JsonNode triage, long knownIssue) {
		for (JsonNode suggestion : triage.get("suggestions")) {
			if (suggestion.get("url").asString().equals("/known-issues/" + knownIssue)) {
				return true;
			}
		}
		return false;
	}

	long matches(long knownIssue, long thread) {
		return jdbc().queryForObject(
				"select count(*) from known_issue_match where known_issue_id = ? and thread_id = ?", Long.class,
				knownIssue, thread);
	}

	static void awaitLatch(CountDownLatch latch, Duration limit) {
		try {
			latch.await(limit.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
