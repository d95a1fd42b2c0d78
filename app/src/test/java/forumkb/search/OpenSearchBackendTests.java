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
import forumkb.index.IndexFields;
import forumkb.index.OpenSearchClient;
import forumkb.index.OpenSearchIndex;
import forumkb.index.highlight.Passage;
import forumkb.index.highlight.Passages;
import forumkb.thread.ForumMarkdown;
import forumkb.thread.ThreadReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.ui.ExtendedModelMap;
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
		assertThat(http.upload("/api/ingest", "snippets.jsonl", SNIPPET_THREADS).status()).isEqualTo(200);
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

	/**
	 * A body whose three words lie too far apart to share a passage, of which a snippet
	 * shows two: the rare ones, not the word two more threads hold, which comes first;
	 * and a body of markup that must come back as text.
	 */
	static final String THREE_WORDS = "A glimmerdash shows first." + " yada".repeat(60) + " Then a wobblefrotz appears."
			+ " yada".repeat(60) + " At last the quorpulent one.";

	static final String SNIPPET_THREADS = """
			{"source": "apple-developer-forums", "externalId": "997201", "title": "Three odd words", "posts": [{"body": "%s"}]}
			{"source": "apple-developer-forums", "externalId": "997202", "title": "Glimmerdash again", "posts": [{"body": "The glimmerdash shows up here too."}]}
			{"source": "apple-developer-forums", "externalId": "997203", "title": "Glimmerdash once more", "posts": [{"body": "One more glimmerdash, and another glimmerdash after it."}]}
			{"source": "apple-developer-forums", "externalId": "997204", "title": "Zorplex widget shows markup", "posts": [{"body": "The page shows <script>alert('zorplex')</script> and <b>bold</b> zorplex text."}]}
			"""
		.formatted(THREE_WORDS);

	JsonNode overHttp(String query, String sort) {
		return overHttp(query, sort, 0);
	}

	JsonNode overHttp(String query, String sort, int page) {
		Response response = http.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&sort="
				+ sort + "&page=" + page);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	JsonNode fromLucene(String query, String sort, int page) {
		return asRead(lucene.search(new SearchQueryParser().parse(query), query, page, "recent".equals(sort)));
	}

	/** Through text, as the API's answer is read: numbers compare by value. */
	private static JsonNode asRead(Object value) {
		return HttpClientSupport.JSON.readTree(HttpClientSupport.JSON.writeValueAsString(value));
	}

	/**
	 * Real-shaped searches of every kind: words, identifiers and their aliases, pasted
	 * error lines and logs, phrases (one with a stop word inside, as a filter and as a
	 * pasted line's bonus), every filter alone and with words, dates, the recent order,
	 * and none. Each hit scores as on Lucene too: an equal order alone hid clauses that
	 * OpenSearch scored otherwise.
	 */
	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource(delimiter = '|', textBlock = """
			VPN tunnel disconnects after sleep | relevance
			VPN tunnel disconnects after sleep | recent
			NEFilterManager | relevance
			filter manager | relevance
			code:4097 | relevance
			errSecMissingEntitlement | relevance
			-34018 | relevance
			Error Domain=NSCocoaErrorDomain Code=4097 "connection to service named com.apple.foo.xpc" | relevance
			"completion handler" | relevance
			NSURLErrorDomain -1200 | relevance
			tag:XPC | relevance
			tag:"Network Extension" sleep | relevance
			tag:"Network Extension" tag:VPN | recent
			framework:NetworkExtension | relevance
			api:NEFilterManager | relevance
			api:saveToPreferences(completionHandler:) | relevance
			error:errSecMissingEntitlement keychain | relevance
			domain:NSURLErrorDomain | relevance
			code:errSecItemNotFound | relevance
			entitlement:com.apple.developer.networking.networkextension | relevance
			topic:"App & System Services" handshake | relevance
			has:answer | relevance
			has:answer | recent
			has:replies tunnel | relevance
			keychain after:2024-01 | relevance
			year:2025 framework:NetworkExtension | relevance
			before:2025 system extension | relevance
			after:2025-01 before:2026 | recent
			push notifications | recent
			saveToPreferences(completionHandler:) | relevance
			"refused to start" gribblenet | relevance
			our gribblenet helper log says "refused to start" after each update since Monday | relevance
			qqqqzzzz | relevance
			0x8badf00d | relevance
			""")
	void answersAsTheLuceneBackendDoes(String query, String sort) {
		assertSameAnswer(query, sort, 0);
	}

	/**
	 * Later pages, and a page past the end (an old link), which shows the last page: the
	 * same threads on either backend, by relevance and by activity.
	 */
	@ParameterizedTest(name = "{0} ({1}, page {2})")
	@CsvSource(delimiter = '|', textBlock = """
			has:answer | relevance | 1
			has:answer | recent | 2
			has:answer | relevance | 99
			network extension | relevance | 1
			network extension | recent | 1
			network extension | relevance | 50
			qqqqzzzz | relevance | 3
			""")
	void pagesAsTheLuceneBackendDoes(String query, String sort, int page) {
		assertSameAnswer(query, sort, page);
	}

	private void assertSameAnswer(String query, String sort, int page) {
		JsonNode open = overHttp(query, sort, page);
		JsonNode expected = fromLucene(query, sort, page);
		assertThat(ids(open)).as("hits in order").isEqualTo(ids(expected));
		for (int i = 0; i < expected.get("hits").size(); i++) {
			ObjectNode openHit = (ObjectNode) open.get("hits").get(i).deepCopy();
			ObjectNode luceneHit = (ObjectNode) expected.get("hits").get(i).deepCopy();
			// The recent order has no scores to compare.
			if ("relevance".equals(sort)) {
				assertThat(openHit.get("score").asDouble()).as("score of hit %d", i + 1)
					.isCloseTo(luceneHit.get("score").asDouble(), withinPercentage(0.01));
			}
			openHit.remove("score");
			luceneHit.remove("score");
			// Snippet, entities, matched entities, exact or missing identifiers,
			// activity.
			assertThat(openHit).as("hit %d", i + 1).isEqualTo(luceneHit);
		}
		for (String field : List.of("total", "totalRelation", "exactTotal", "countedTop", "page", "pageSize", "sort",
				"identifiers", "facets", "months")) {
			assertThat(open.get(field)).as(field).isEqualTo(expected.get(field));
		}
	}

	private static List<Long> ids(JsonNode result) {
		return result.get("hits").findValues("id").stream().map(JsonNode::asLong).toList();
	}

	/**
	 * The node's highlighter picks a passage by the counts the request gives it, not by
	 * its own, so several shards would pick what one index picks; and it answers plain
	 * offsets into the text, never the text.
	 */
	@Test
	void theNodesHighlighterPicksByTheCountsItIsGiven() {
		assertThat(onePassage("quorpul")).isEqualTo("quorpulent");
		assertThat(onePassage("wobblefrotz")).isEqualTo("wobblefrotz");
	}

	/** The word of the passage the node picks when {@code rare} is the rarer term. */
	private String onePassage(String rare) {
		Query query = application.getBean(QueryBuilderService.class)
			.build(new SearchQueryParser().parse("wobblefrotz quorpulent"))
			.query();
		List<String> terms = OffsetHighlighter.terms(query, IndexFields.BODY)
			.stream()
			.map(BytesRef::utf8ToString)
			.toList();
		assertThat(terms).hasSize(2);
		List<Integer> docFreqs = terms.stream().map(term -> term.startsWith(rare) ? 1 : 1_000).toList();
		JsonNode answer = application.getBean(OpenSearchClient.class)
			.send("POST", openSearchIndex.alias() + "/_search", Map.of("query",
					Map.of("ids", Map.of("values", List.of(Long.toString(DemoCorpus.threadId(application, "997201"))))),
					"highlight",
					Map.of("fields",
							Map.of(IndexFields.BODY,
									Map.of("type", Passages.TYPE, "options",
											Map.of(Passages.TERMS, terms, Passages.DOC_FREQS, docFreqs,
													Passages.DOCUMENTS, 10_000, Passages.PASSAGES, 1))))));
		JsonNode fragments = answer.path("hits").path("hits").path(0).path("highlight").path(IndexFields.BODY);
		assertThat(fragments).hasSize(1);
		assertThat(fragments.get(0).asString()).matches("\\d+:\\d+-\\d+(,\\d+-\\d+)*");
		Passage passage = Passage.decode(fragments.get(0).asString());
		return THREE_WORDS.substring(passage.start(0), passage.end(0));
	}

	/**
	 * The passages the node picks by the whole index's counts are the Lucene backend's:
	 * the two rare words, though the commoner one comes first and the text has three
	 * passages to show.
	 */
	@Test
	void snippetsShowTheRarerWordsAsOnTheLuceneBackend() {
		assertSameAnswer("glimmerdash wobblefrotz quorpulent", "relevance", 0);
		JsonNode hit = hitOf(overHttp("glimmerdash wobblefrotz quorpulent", "relevance"), "997201");
		assertThat(hit.get("snippet").asString()).contains("<mark>wobblefrotz</mark>", "<mark>quorpulent</mark>")
			.doesNotContain("glimmerdash");
	}

	/**
	 * Markup in a thread comes back from the node as offsets and reaches the API as text,
	 * escaped like any other, and the page shows it as text.
	 */
	@Test
	void markupInAThreadIsShownAsText() {
		assertSameAnswer("zorplex", "relevance", 0);
		String snippet = hitOf(overHttp("zorplex", "relevance"), "997204").get("snippet").asString();
		assertThat(snippet).contains("&lt;script&gt;alert(", "<mark>zorplex</mark>", "&lt;b&gt;bold&lt;/b&gt;")
			.doesNotContain("<script>", "<b>");
		Response page = http.get("/search?q=zorplex");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
	}

	private JsonNode hitOf(JsonNode result, String externalId) {
		long id = DemoCorpus.threadId(application, externalId);
		for (JsonNode hit : result.get("hits")) {
			if (hit.get("id").asLong() == id) {
				return hit;
			}
		}
		throw new AssertionError("no hit for thread " + externalId + " in " + result);
	}

	/**
	 * Every demo thread's page lists the same similar threads, each with the same reasons
	 * (shared entities, then telling words, which read the index's word counts).
	 */
	@Test
	void threadPagesShowTheLuceneBackendsSimilarThreads() {
		ThreadPageController onOpenSearch = application.getBean(ThreadPageController.class);
		ThreadPageController onLucene = new ThreadPageController(application.getBean(ThreadReader.class),
				new SearchService(lucene, new SimpleMeterRegistry(), new SearchTurns(1)),
				application.getBean(ForumMarkdown.class), application.getBean(JdbcTemplate.class), lucene);
		List<Long> threads = application.getBean(JdbcTemplate.class)
			.queryForList("select id from thread where external_id not like ? order by id", Long.class,
					MANY_PREFIX + "%");
		int withSimilar = 0;
		for (long thread : threads) {
			JsonNode open = similarOnPage(onOpenSearch, thread);
			JsonNode expected = similarOnPage(onLucene, thread);
			assertThat(open.findValues("id")).as("similar to %d", thread).isEqualTo(expected.findValues("id"));
			assertThat(open.findValues("why")).as("why similar to %d", thread).isEqualTo(expected.findValues("why"));
			assertThat(open.findValues("snippet")).as("snippets similar to %d", thread)
				.isEqualTo(expected.findValues("snippet"));
			withSimilar += open.isEmpty() ? 0 : 1;
		}
		assertThat(withSimilar).isGreaterThan(DemoCorpus.THREADS / 2);
	}

	private static JsonNode similarOnPage(ThreadPageController controller, long thread) {
		ExtendedModelMap model = new ExtendedModelMap();
		controller.thread(thread, model);
		return asRead(model.get("similar"));
	}

	/**
	 * The counts a search reads before it is sent, for the rarest-words cut and for the
	 * highlighter, are the Lucene index's: its live threads and each term's document
	 * frequency; so the cut keeps the Lucene backend's words.
	 */
	@Test
	void theCutReadsTheLuceneIndexsCounts() {
		QueryBuilderService queries = application.getBean(QueryBuilderService.class);
		OpenSearchQueries translation = new OpenSearchQueries(application.getBean(OpenSearchClient.class),
				openSearchIndex.alias(), new SearchTurns(1));
		for (String text : List.of("VPN tunnel disconnects after sleep",
				"Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named com.apple.foo.xpc\"",
				"our gribblenet helper log says \"refused to start\" after each update since Monday", """
						The keychain returns errSecMissingEntitlement -34018 in the app extension after the update.
						2025-01-01 10:00:00 NEFilterManager saveToPreferences completion handler never called
						2025-01-01 10:00:01 NSURLErrorDomain -1200 TLS handshake -9802 failed for the VPN tunnel
						2025-01-01 10:00:02 Error Domain=NSCocoaErrorDomain Code=4097 connection to service xpc
						2025-01-01 10:00:03 push notifications stopped, system extension reloaded, filter manager
						""")) {
			Query query = queries.build(new SearchQueryParser().parse(text)).query();
			OpenSearchQueries.Cut cut = translation.cut(query);
			Set<Term> read = new LinkedHashSet<>();
			query.visit(new QueryVisitor() {
				@Override
				public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
					return parent instanceof RarestWords ? QueryVisitor.termCollector(read) : this;
				}
			});
			for (String field : List.of(IndexFields.BODY, IndexFields.ANSWER)) {
				OffsetHighlighter.terms(cut.query(), field).forEach(word -> read.add(new Term(field, word)));
			}
			assertThat(read).as(text).isNotEmpty();
			LexicalReader.TermCounts expected = lucene.lexically(reader -> reader.counts(read));
			for (Term term : read) {
				assertThat(cut.counts().docFreq(term)).as("threads with %s", term).isEqualTo(expected.docFreq(term));
			}
			assertThat((long) cut.counts().documents()).isEqualTo(lucene.lexically(LexicalReader::threads));
			// Both rewritten by the Lucene index, which leaves the OpenSearch cut's
			// words.
			Query kept = lucene.lexically(reader -> reader.cut(cut.query()));
			Query expectedKept = lucene.lexically(reader -> reader.cut(query));
			assertThat(kept).as(text).isEqualTo(expectedKept);
		}
	}

	/**
	 * The word and field counts triage's known issues and the telling words read: those
	 * of the threads' index, whichever backend holds it.
	 */
	@Test
	void termCountsAreTheLuceneIndexs() {
		QueryBuilderService queries = application.getBean(QueryBuilderService.class);
		Set<Term> terms = new LinkedHashSet<>();
		for (String text : List.of("NEFilterManager saveToPreferences completion handler never called",
				"Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named com.apple.foo.xpc\"",
				"errSecMissingEntitlement -34018 keychain app extension", "TLS handshake -9802 NSURLErrorDomain -1200",
				"qqqqzzzz tunnel")) {
			Query query = queries.build(new SearchQueryParser().parse(text)).query();
			query.visit(QueryVisitor.termCollector(terms));
		}
		terms.addAll(TellingWords.terms(List.of("tunnel", "handshake", "Keychain", "entitlement", "disconnects")));
		LexicalReader.TermCounts open = application.getBean(SearchBackend.class).lexically(r -> r.counts(terms));
		LexicalReader.TermCounts expected = lucene.lexically(r -> r.counts(terms));
		assertThat(open.terms().keySet()).isEqualTo(expected.terms().keySet());
		expected.terms().forEach((term, statistics) -> {
			assertThat(open.terms().get(term).docFreq()).as("threads with %s", term).isEqualTo(statistics.docFreq());
			assertThat(open.terms().get(term).totalTermFreq()).as("occurrences of %s", term)
				.isEqualTo(statistics.totalTermFreq());
		});
		assertThat(open.fields().keySet()).isEqualTo(expected.fields().keySet());
		expected.fields().forEach((field, statistics) -> {
			CollectionStatistics actual = open.fields().get(field);
			assertThat(List.of(actual.docCount(), actual.sumTotalTermFreq(), actual.sumDocFreq())).as(field)
				.isEqualTo(List.of(statistics.docCount(), statistics.sumTotalTermFreq(), statistics.sumDocFreq()));
		});
		assertThat(application.getBean(SearchBackend.class).lexically(LexicalReader::threads))
			.isEqualTo(lucene.lexically(LexicalReader::threads));
	}

	/**
	 * Past {@link SearchBackend#COUNTED} matches the total is a lower bound, and both
	 * backends show the same one.
	 */
	@Test
	void aTotalPastTheCountedMatchesIsTheSameLowerBound() {
		String threads = SearchApiTests.threads(SearchBackend.COUNTED + 20, MANY_PREFIX, "Quambler daemon stall",
				"The quambler daemon stalls after wake.");
		assertThat(http.upload("/api/ingest", "many.jsonl", threads).status()).isEqualTo(200);
		DemoCorpus.awaitSearchable(application);
		for (String sort : List.of("relevance", "recent")) {
			JsonNode open = overHttp("quambler stall", sort);
			JsonNode expected = fromLucene("quambler stall", sort, 0);
			assertThat(open.get("totalRelation").asString()).isEqualTo("gte")
				.isEqualTo(expected.get("totalRelation").asString());
			assertThat(List.of(open.get("total"), open.get("exactTotal"))).as(sort)
				.isEqualTo(List.of(expected.get("total"), expected.get("exactTotal")));
		}
	}

	/** The external ids of the threads that make a total pass the counted matches. */
	private static final String MANY_PREFIX = "quambler-";

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
