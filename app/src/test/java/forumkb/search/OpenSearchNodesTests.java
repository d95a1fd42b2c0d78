package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.OpenSearchNode;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.index.ChangePosition;
import forumkb.index.IndexFeed;
import forumkb.index.OpenSearchClient;
import forumkb.index.OpenSearchIndex;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL and one OpenSearch node
 * ({@link OpenSearchNode}), as the compose file's cluster profile runs them, through
 * their HTTP API: both follow the change feed into the same OpenSearch index, and both
 * search it through its alias.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchNodesTests {

	/**
	 * Rebuilds in a row: each one swaps the alias and drops the index searched before.
	 */
	static final int REBUILDS = 3;

	/** Searches running at once on each node while the rebuilds run. */
	static final int SEARCHERS_PER_NODE = 3;

	final ExecutorService threads = Executors.newCachedThreadPool();

	EmbeddedPostgres database;

	ConfigurableApplicationContext one;

	ConfigurableApplicationContext two;

	@BeforeAll
	void startTwoNodes() throws IOException {
		URI node = OpenSearchNode.url();
		database = EmbeddedPostgres.builder().start();
		String index = "forumkb-nodes-" + ProcessHandle.current().pid();
		one = node(node, index);
		two = node(node, index);
		DemoCorpus.ingest(one, port(one));
		// Each node's first search loads its search code; the seconds below are the
		// feed's.
		for (ConfigurableApplicationContext started : List.of(one, two)) {
			total(new HttpClientSupport(port(started)), "NEFilterManager");
		}
	}

	/**
	 * A node on the shared database and OpenSearch index, following the change feed at
	 * the production interval, so the two seconds below are what a user would wait.
	 */
	ConfigurableApplicationContext node(URI openSearch, String index) {
		return new SpringApplicationBuilder(ForumkbApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--forumkb.search.backend=opensearch",
				"--forumkb.search.opensearch.url=" + openSearch, "--forumkb.search.opensearch.index=" + index,
				"--forumkb.index.refresh-interval=PT0.5S");
	}

	@AfterAll
	void stop() throws IOException {
		threads.shutdownNow();
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { one, two }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	static long total(HttpClientSupport client, String query) {
		Response response = client.get("/api/search?q=" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("total").asLong();
	}

	@Test
	void aThreadIngestedThroughOneNodeIsFoundThroughTheOtherWithinTwoSeconds() {
		HttpClientSupport first = HttpClientSupport.asEngineer(one, port(one));
		HttpClientSupport second = new HttpClientSupport(port(two));
		Response ingested = first.upload("/api/ingest", "one.jsonl", """
				{"source": "nodes", "externalId": "os-n-1", "title": "Wobbleframe tunnel drops on the second node",
				 "posts": [{"body": "The wobbleframe provider stops after sleep."}]}""".replace("\n", " "));
		assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> total(second, "wobbleframe") == 1);
	}

	/**
	 * Both nodes follow the change feed, yet each change reaches OpenSearch once: one
	 * node at a time feeds it.
	 */
	@Test
	void eachChangeIsWrittenToOpenSearchOnceThoughBothNodesFollowTheFeed() {
		HttpClientSupport first = HttpClientSupport.asEngineer(one, port(one));
		HttpClientSupport second = new HttpClientSupport(port(two));
		IndexFeed feed = one.getBean(IndexFeed.class);
		OpenSearchClient openSearch = one.getBean(OpenSearchClient.class);
		String alias = one.getBean(OpenSearchIndex.class).alias();
		DemoCorpus.awaitSearchable(one);
		DemoCorpus.awaitSearchable(two);
		ChangePosition before = feed.lastChange();
		long writesBefore = writes(openSearch, alias);
		StringBuilder threads = new StringBuilder();
		for (int i = 1; i <= 4; i++) {
			threads.append("""
					{"source": "nodes", "externalId": "os-n-once-%d", "title": "Quillmark relay %d stalls",
					 "posts": [{"body": "The quillmark relay stalls."}]}
					""".formatted(i, i).replace("\n ", " "));
		}
		assertThat(first.upload("/api/ingest", "once.jsonl", threads.toString()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> total(second, "quillmark") == 4);
		DemoCorpus.awaitSearchable(one);
		DemoCorpus.awaitSearchable(two);
		int changes = feed.changedAfter(before, 1000).size();

		// Both nodes have had several turns since: a node writing every change too would
		// have by now.
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> writes(openSearch, alias) - writesBefore == changes);
	}

	/** Documents written to the live index so far, repeats included. */
	static long writes(OpenSearchClient openSearch, String alias) {
		return openSearch.send("GET", alias + "/_stats/indexing", null)
			.path("_all")
			.path("primaries")
			.path("indexing")
			.path("index_total")
			.asLong();
	}

	/**
	 * Searches on both nodes, several at once, all through the rebuilds started on node
	 * one: each answers, and finds what it found before.
	 */
	@Test
	void aReindexOnOneNodeDoesNotInterruptSearchOnEither() throws Exception {
		HttpClientSupport admin = new HttpClientSupport(port(one), TestAccounts.token(one, Role.ADMIN));
		List<HttpClientSupport> nodes = List.of(new HttpClientSupport(port(one)), new HttpClientSupport(port(two)));
		long expected = total(nodes.getFirst(), "NEFilterManager");
		assertThat(expected).isPositive();
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<Void>> searchers = new ArrayList<>();
		for (HttpClientSupport node : nodes) {
			for (int i = 0; i < SEARCHERS_PER_NODE; i++) {
				searchers.add(CompletableFuture.runAsync(() -> {
					while (rebuilding.get()) {
						Response response = node.get("/api/search?q=NEFilterManager");
						if (response.status() != 200 || response.json().get("total").asLong() != expected) {
							failures.add(response.status() + " " + response.body());
						}
						answered.incrementAndGet();
					}
				}, threads));
			}
		}
		String before = generation(admin);
		try {
			for (int rebuild = 0; rebuild < REBUILDS; rebuild++) {
				String started = generation(admin);
				assertThat(admin.postJson("/api/admin/reindex", "{}").status()).isEqualTo(202);
				await().atMost(Duration.ofSeconds(60)).until(() -> !generation(admin).equals(started));
				await().atMost(Duration.ofSeconds(60))
					.until(() -> !admin.get("/api/admin/index").json().get("rebuild").asString().startsWith("running"));
			}
		}
		finally {
			rebuilding.set(false);
			CompletableFuture.allOf(searchers.toArray(CompletableFuture[]::new)).join();
		}

		assertThat(failures).as("failed or different answers during the rebuilds").isEmpty();
		assertThat(answered.get()).as("searches answered during the rebuilds").isGreaterThan(REBUILDS);
		assertThat(generation(admin)).isNotEqualTo(before);
		for (HttpClientSupport node : nodes) {
			assertThat(total(node, "NEFilterManager")).isEqualTo(expected);
		}
	}

	static String generation(HttpClientSupport admin) {
		return admin.get("/api/admin/index").json().get("generation").asString();
	}

}
