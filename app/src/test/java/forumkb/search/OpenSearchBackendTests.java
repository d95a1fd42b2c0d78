package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.OpenSearchApplication;
import forumkb.OpenSearchNode;
import forumkb.index.IndexFeed;
import forumkb.index.OpenSearchIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenSearch backend against a real node ({@link OpenSearchNode}), through the app's
 * HTTP API on the demo corpus: the same answers as the Lucene backend, which the same
 * application still keeps, fed by the same change feed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchBackendTests extends OpenSearchApplication {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	OpenSearchIndex openSearchIndex;

	HttpClientSupport http;

	SearchBackend lucene;

	@BeforeAll
	void ingestDemoCorpus() {
		http = DemoCorpus.ingest(application, port);
		assertThat(http.upload("/api/ingest", "phrases.jsonl", PHRASE_THREADS).status()).isEqualTo(200);
		DemoCorpus.awaitSearchable(application);
		lucene = LuceneSearchBackends.over(application);
	}

	/**
	 * Two threads alike but for a quoted phrase's stop word: one holds "refused to
	 * start", the other "refused start", which that phrase must not match.
	 */
	static final String PHRASE_THREADS = """
			{"source": "apple-developer-forums", "externalId": "997101", "title": "Gribblenet helper refused to start",
			 "posts": [{"body": "Since the update the gribblenet helper refused to start at login."}]}
			{"source": "apple-developer-forums", "externalId": "997102", "title": "Gribblenet helper: refused start",
			 "posts": [{"body": "Since the update the gribblenet helper, refused start at login."}]}
			""".replace("\n ", " ");

	JsonNode overHttp(String query, String sort) {
		Response response = http
			.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&sort=" + sort);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	JsonNode fromLucene(String query, String sort) {
		SearchResult result = lucene.search(new SearchQueryParser().parse(query), query, 0, "recent".equals(sort));
		// Through text, as the API's answer is read: numbers compare by value.
		return HttpClientSupport.JSON.readTree(HttpClientSupport.JSON.writeValueAsString(result));
	}

	/**
	 * Real-shaped searches of every kind: words, identifiers and their aliases, pasted
	 * error lines and logs, phrases (one with a stop word inside, as a filter and as a
	 * pasted line's bonus), filters alone, dates, the recent order, and none. Each hit
	 * scores as on Lucene too: an equal order alone hid clauses that OpenSearch scored
	 * otherwise.
	 */
	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource(delimiter = '|', textBlock = """
			VPN tunnel disconnects after sleep | relevance
			NEFilterManager | relevance
			filter manager | relevance
			code:4097 | relevance
			errSecMissingEntitlement | relevance
			-34018 | relevance
			Error Domain=NSCocoaErrorDomain Code=4097 "connection to service named com.apple.foo.xpc" | relevance
			"completion handler" | relevance
			NSURLErrorDomain -1200 | relevance
			tag:XPC | relevance
			has:answer | relevance
			has:answer | recent
			keychain after:2024-01 | relevance
			year:2025 framework:NetworkExtension | relevance
			push notifications | recent
			saveToPreferences(completionHandler:) | relevance
			"refused to start" gribblenet | relevance
			our gribblenet helper log says "refused to start" after each update since Monday | relevance
			qqqqzzzz | relevance
			0x8badf00d | relevance
			""")
	void answersAsTheLuceneBackendDoes(String query, String sort) {
		JsonNode open = overHttp(query, sort);
		JsonNode expected = fromLucene(query, sort);
		assertThat(ids(open)).as("hits in order").isEqualTo(ids(expected));
		// The recent order has no scores to compare.
		for (int i = 0; "relevance".equals(sort) && i < expected.get("hits").size(); i++) {
			assertThat(open.get("hits").get(i).get("score").asDouble()).as("score of hit %d", i + 1)
				.isCloseTo(expected.get("hits").get(i).get("score").asDouble(), withinPercentage(0.01));
		}
		for (String field : List.of("total", "totalRelation", "exactTotal", "countedTop", "identifiers", "facets",
				"months")) {
			assertThat(open.get(field)).as(field).isEqualTo(expected.get(field));
		}
		// Snippets and their marks, entities, the identifiers a hit lacks, dates: all but
		// the scores, compared above.
		assertThat(withoutScores(open)).as("hits").isEqualTo(withoutScores(expected));
	}

	private static List<JsonNode> withoutScores(JsonNode result) {
		List<JsonNode> hits = new ArrayList<>();
		for (JsonNode hit : result.get("hits")) {
			ObjectNode copy = (ObjectNode) hit.deepCopy();
			copy.remove("score");
			hits.add(copy);
		}
		return hits;
	}

	private static List<Long> ids(JsonNode result) {
		return result.get("hits").findValues("id").stream().map(JsonNode::asLong).toList();
	}

	@Test
	void similarThreadsAreTheLuceneBackendsOnes() {
		SearchBackend openSearch = application.getBean(SearchBackend.class);
		long thread = DemoCorpus.threadId(application, "900112");
		SearchQuery likeIt = new SearchQueryParser().parse("NEFilterManager saveToPreferences");
		assertThat(openSearch.similar(thread, likeIt, 5).stream().map(SearchResult.Hit::id).toList())
			.isEqualTo(lucene.similar(thread, likeIt, 5).stream().map(SearchResult.Hit::id).toList())
			.isNotEmpty();
	}

	@Test
	void aThreadIngestedIsFoundThroughTheChangeFeed() {
		http.upload("/api/ingest", "new.jsonl", """
				{"source": "apple-developer-forums", "externalId": "997001", "title": "Plorbix relay stalls",
				 "posts": [{"body": "The plorbix relay stalls when the VPN reconnects."}]}""".replace("\n", " "));
		await().atMost(Duration.ofSeconds(10)).until(() -> overHttp("plorbix", "relevance").get("total").asLong() == 1);
		// The position is recorded after the write the search already sees.
		IndexFeed feed = application.getBean(IndexFeed.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> openSearchIndex.holds(feed.lastChange()));
	}

	@Test
	void aRebuildSwapsTheAliasWhileSearchKeepsAnswering() throws Exception {
		String before = openSearchIndex.generation();
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		CompletableFuture<Integer> rebuilt = CompletableFuture.supplyAsync(() -> {
			try {
				return openSearchIndex.rebuild();
			}
			finally {
				rebuilding.set(false);
			}
		});
		do {
			assertThat(overHttp("NEFilterManager", "relevance").get("total").asLong()).isPositive();
		}
		while (rebuilding.get());
		assertThat(rebuilt.get()).isGreaterThanOrEqualTo(DemoCorpus.THREADS);
		assertThat(openSearchIndex.generation()).isNotEqualTo(before);
		assertThat(overHttp("NEFilterManager", "relevance").get("total").asLong()).isPositive();
	}

}
