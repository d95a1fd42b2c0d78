package forumkb.search;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.index.SearchIndex;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Symptom search over HTTP on the demo corpus, against the real index and database. */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	SearchIndex index;

	HttpClientSupport http;

	@BeforeAll
	void ingestDemoCorpus() {
		DemoCorpus.ingest(application, port);
	}

	@BeforeEach
	void client() {
		http = HttpClientSupport.asEngineer(application, port);
	}

	JsonNode search(String query) {
		Response response = http.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	long total(String query) {
		return search(query).get("total").asLong();
	}

	String firstTitle(String query) {
		return search(query).get("hits").get(0).get("title").asString();
	}

	@Test
	void aNewThreadBecomesSearchableWithoutARestart() {
		http.upload("/api/ingest", "new.jsonl", """
				{"source": "apple-developer-forums", "externalId": "995001", "title": "Zyxwv tunnel flaps",
				 "posts": [{"body": "Our quuxplorer packet tunnel flaps every minute."}]}""".replace("\n", " "));
		await().atMost(Duration.ofSeconds(10)).until(() -> total("quuxplorer") == 1);
	}

	@Test
	void codesKeepTheirIdentityAndAliasesMeet() {
		assertThat(firstTitle("code:4097")).containsIgnoringCase("XPC");
		// Among the hits, not first: other tests' threads name the constant alone.
		assertThat(search("NSXPCConnectionInterrupted").get("hits").findValues("entities").toString()).contains("4097");
		JsonNode missingEntitlement = search("errSecMissingEntitlement");
		assertThat(missingEntitlement.get("total").asLong()).isPositive();
		assertThat(missingEntitlement.get("hits").get(0).get("entities").toString()).contains("-34018");
		assertThat(missingEntitlement.get("hits").get(0).get("entities").findValuesAsString("meaning"))
			.anyMatch(meaning -> meaning.startsWith("errSecMissingEntitlement: "));
		assertThat(search("NSURLErrorSecureConnectionFailed").get("hits").get(0).get("entities").toString())
			.contains("-1200");
	}

	@Test
	void aPastedErrorLineWorksWithoutEscaping() {
		JsonNode result = search("Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named "
				+ "com.apple.foo.xpc\" UserInfo={NSDebugDescription=connection to service}");
		JsonNode top = result.get("hits").get(0);
		assertThat(top.get("matched").toString()).contains("NSCocoaErrorDomain:4097");
		assertThat(top.get("snippet").asString()).contains("<mark>");
	}

	@Test
	void theQuotedMessageOfAPastedErrorLiftsTheThreadThatHasItExactly() {
		// Its title has the words, not the message itself; without the quote it ranks
		// first.
		String wordsApart = """
				{"source": "apple-developer-forums", "externalId": "995101", "title": "Blorptrack proxy stalls upload",
				 "posts": [{"body": "Error Domain=BlorptrackErrorDomain Code=7 when the proxy is on."}]}""";
		String exactly = """
				{"source": "apple-developer-forums", "externalId": "995102", "title": "Blorptrack fails",
				 "posts": [{"body": "Each sync of our photo library ends with Error Domain=BlorptrackErrorDomain Code=7 \
				\\"the upload stalled at the proxy\\"."}]}""";
		http.upload("/api/ingest", "quotes.jsonl", wordsApart.replace("\n", " ") + "\n" + exactly.replace("\n", " "));
		await().atMost(Duration.ofSeconds(20)).until(() -> total("blorptrack") == 2);
		assertThat(firstTitle("Error Domain=BlorptrackErrorDomain Code=7 \"the upload stalled at the proxy\""))
			.isEqualTo("Blorptrack fails");
		// Typed rather than pasted, quotes are phrases every match contains.
		JsonNode typed = search("blorptrack \"upload stalled\"");
		assertThat(typed.get("total").asLong()).isEqualTo(1);
		assertThat(typed.get("hits").get(0).get("title").asString()).isEqualTo("Blorptrack fails");
		assertThat(typed.get("hits").get(0).get("snippet").asString()).contains("<mark>upload</mark>");
	}

	@Test
	void aMatchOnlyInTheAcceptedAnswerIsTheSnippet() {
		http.upload("/api/ingest", "answered.jsonl",
				"""
						{"source": "apple-developer-forums", "externalId": "995201", "title": "Widget timeline stops",
						 "posts": [{"body": "The timeline stops refreshing after a day."},
						 {"body": "Reload it from the app with WidgetCenter; the zarnoflex budget was spent.", "accepted": true}]}
						"""
					.replace("\n", " "));
		await().atMost(Duration.ofSeconds(20)).until(() -> total("zarnoflex") == 1);
		assertThat(search("zarnoflex").get("hits").get(0).get("snippet").asString())
			.contains("<mark>zarnoflex</mark> budget");
	}

	@Test
	void filtersNarrowAndFacetsCount() {
		JsonNode all = search("NEFilterManager");
		JsonNode answered = search("NEFilterManager has:answer");
		assertThat(answered.get("total").asLong()).isLessThanOrEqualTo(all.get("total").asLong()).isPositive();
		assertThat(all.get("facets").get("tag").size()).isPositive();
		String tag = all.get("facets").get("tag").get(0).get("value").asString();
		long count = all.get("facets").get("tag").get(0).get("count").asLong();
		assertThat(total("NEFilterManager tag:\"" + tag + "\"")).isEqualTo(count);
		assertThat(all.get("months").size()).isPositive();
		// Under a hundred matches everything is counted: the total is exact, facets count
		// every match.
		assertThat(all.get("totalRelation").asString()).isEqualTo("eq");
		assertThat(all.get("countedTop").asLong()).isEqualTo(all.get("total").asLong());
		assertThat(total("NEFilterManager after:2030-01")).isZero();
	}

	@Test
	void beforeLeavesItsPeriodOutAndAPagePastTheEndShowsTheLast() {
		assertThat(total("NEFilterManager before:2025")).as("threads last active in 2024").isPositive();
		assertThat(total("NEFilterManager after:2025 before:2025")).isZero();
		// Counted among dated threads: other tests' threads without a date match no
		// period.
		assertThat(total("NEFilterManager after:2025 before:2026"))
			.isEqualTo(total("NEFilterManager after:2025") - total("NEFilterManager after:2026"));
		JsonNode all = search("NEFilterManager");
		JsonNode far = http.get("/api/search?q=NEFilterManager&page=9999").json();
		long last = (all.get("total").asLong() - 1) / all.get("pageSize").asLong();
		assertThat(far.get("page").asLong()).isEqualTo(last);
		assertThat(far.get("hits").size()).isPositive();
	}

	@Test
	void aFilterWithoutAValueSaysSoInsteadOfSearchingForItsName() {
		for (String query : List.of("code:", "NSURLErrorDomain code:", "tag:\"\"")) {
			Response response = http.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.json().get("message").asString()).as(query).contains("needs a value");
			Response page = http.getPage("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
			assertThat(page.status()).as(query).isEqualTo(400);
			assertThat(page.body()).as(query).contains("needs a value").contains("name=\"q\"");
		}
		assertThat(http.get("/api/search?q=" + URLEncoder.encode("error: 22", StandardCharsets.UTF_8)).status())
			.as("a pasted 'error: 22' stays free text")
			.isEqualTo(200);
	}

	@Test
	void recentSortOrdersByActivity() {
		JsonNode hits = search("TLS trust &sort=recent").get("hits");
		assertThat(hits.size()).isPositive();
		Response recent = http.get("/api/search?q=trust&sort=recent");
		assertThat(recent.json().get("sort").asString()).isEqualTo("recent");
	}

	@Test
	void aMalformedQueryGetsAHelpfulMessage() {
		Response response = http.get("/api/search?q=" + URLEncoder.encode("after:banana", StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).contains("after:").contains("2025-01");
	}

	@Test
	void theSearchPageShowsFacetsSnippetsAndChips() {
		Response page = http.get("/search?q=" + URLEncoder.encode("NEAppPushProvider", StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"facet\"").contains("<mark>").contains("chip entity");
		Response bad = http.get("/search?q=has%3Afood");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("has: takes answer or replies");
	}

	@Test
	void theSearchPageHasAMonthChartSortLinksAndPages() {
		long total = total("");
		assertThat(total).as("the demo corpus fills more than a page").isGreaterThan(SearchService.PAGE_SIZE);
		String first = http.get("/search?q=").body();
		assertThat(first).contains("<figure class=\"chart\"")
			.contains("Threads per month")
			.contains("href=\"/search?q=&amp;sort=recent\"")
			.contains("page 1 of " + Math.ceilDiv(total, SearchService.PAGE_SIZE))
			.contains("next →")
			.doesNotContain("← previous");
		String second = http.get("/search?q=&sort=recent&page=1").body();
		assertThat(second).contains("page 2 of")
			.contains("← previous")
			.contains("href=\"/search?q=&amp;sort=recent&amp;page=0\"");
	}

	@Test
	void eachHitShowsItsDateRepliesViewsAndAnsweredStateLikeAForumListing() {
		JsonNode answered = search("\"NEFilterManager saveToPreferences completion handler never called\"").get("hits")
			.get(0);
		assertThat(answered.get("lastActivityAt").asString()).isEqualTo("2025-02-13T05:14:00Z");
		assertThat(answered.get("replies").asInt()).isEqualTo(2);
		assertThat(answered.get("views").asInt()).isEqualTo(1840);
		assertThat(answered.get("answered").asBoolean()).isTrue();
		JsonNode open = search("\"saveToPreferences hangs forever\"").get("hits").get(0);
		assertThat(open.get("answered").asBoolean()).isFalse();

		String page = http.get("/search?q=" + URLEncoder.encode(
				"\"NEFilterManager saveToPreferences completion " + "handler never called\"", StandardCharsets.UTF_8))
			.body();
		assertThat(page).contains("✓ answered")
			.contains("2 replies · 1840 views")
			.contains("<time class=\"date\" datetime=\"2025-02-13T05:14:00Z\">2025-02-13</time>");
	}

	@Test
	void threadsHoldingATypedIdentifierComeFirstAndCountedThePartialOnesSayWhatTheyLack() {
		JsonNode result = search("Code=4097");
		long holding = total("code:4097");
		assertThat(result.get("identifiers").toString()).isEqualTo("[\"4097\"]");
		assertThat(result.get("exactTotal").asLong()).isEqualTo(holding).isLessThan(result.get("total").asLong());
		JsonNode hits = result.get("hits");
		assertThat(holding).as("the first page has both kinds").isBetween(1L, hits.size() - 1L);
		for (int i = 0; i < hits.size(); i++) {
			JsonNode hit = hits.get(i);
			assertThat(hit.get("exact").asBoolean()).as("hit %d", i).isEqualTo(i < holding);
			assertThat(hit.get("missing").toString()).as("hit %d", i).isEqualTo(i < holding ? "[]" : "[\"4097\"]");
		}

		String page = http.get("/search?q=Code%3D4097").body();
		assertThat(page).contains(holding + " threads hold 4097 exactly")
			.contains("Partial matches: without 4097 as typed")
			.contains("Lacks 4097");
		assertThat(page.indexOf("Partial matches")).isGreaterThan(page.indexOf("class=\"hit exact\""))
			.isLessThan(page.indexOf("class=\"hit partial\""));
		// Without an identifier there is nothing to tell apart.
		assertThat(search("completion handler").get("identifiers").isEmpty()).isTrue();
	}

	@Test
	void theMonthChartShowsEmptyMonthsAndAnAxis() {
		String chart = http.get("/search?q=").body().replaceAll("(?s).*(<figure class=\"chart\".*?</figure>).*", "$1");
		// The demo corpus has no thread last active in July 2026, between June and
		// August.
		assertThat(chart).contains("<title>2026-06: ")
			.contains("<title>2026-07: 0</title>")
			.contains("<title>2026-08: ")
			.contains("<line class=\"axis\"")
			.containsPattern("<text class=\"tick\"[^>]*>2024-01</text>")
			.containsPattern("<text class=\"scale\"[^>]*>0</text>");
	}

	@Test
	void searchLatencyAndIngestThroughputAreExposedForPrometheus() {
		search("NEFilterManager");
		assertThat(http.get("/actuator/prometheus").status()).as("an engineer").isEqualTo(403);
		String metrics = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN))
			.get("/actuator/prometheus")
			.body();
		assertThat(metrics).contains("forumkb_search_seconds_count").contains("forumkb_ingest_threads_total");
	}

	@Test
	void theThreadPageLinksChipsToSearchesAndShowsSimilarThreads() {
		long id = search("NEFilterManager saveToPreferences").get("hits").get(0).get("id").asLong();
		Response page = http.get("/threads/" + id);
		assertThat(page.body()).contains("Similar threads").contains("href=\"/search?q=api");
	}

	@Test
	void chipsThatCarryNothingAreLeftOutAndACodeMeansWhatItsDomainSays() {
		http.upload("/api/ingest", "chips.jsonl",
				"""
						{"source": "apple-developer-forums", "externalId": "995201", "title": "Glimmerview web view fails to load",
						 "posts": [{"body": "NSLog prints the NSError: Error Domain=WebKitErrorDomain Code=300 \\"failed\\". \
						Then OSStatus -34018 from SecItemAdd."}]}"""
					.replace("\n", " "));
		await().atMost(Duration.ofSeconds(10)).until(() -> total("glimmerview") == 1);
		JsonNode hit = search("glimmerview").get("hits").get(0);
		List<String> values = hit.get("entities").findValuesAsString("value");
		assertThat(values).contains("WebKitErrorDomain:300", "-34018", "SecItemAdd")
			.doesNotContain("NSLog", "NSError", "300");
		assertThat(hit.get("entities").toString()).doesNotContain("kCFErrorHTTPAuthenticationTypeUnsupported");

		String page = http.get("/threads/" + hit.get("id").asLong()).body();
		assertThat(page).contains(">WebKitErrorDomain:300</a>")
			.contains("errSecMissingEntitlement: ")
			.doesNotContain(">NSLog</a>")
			.doesNotContain(">NSError</a>")
			.doesNotContain(">300</a>")
			.doesNotContain("kCFErrorHTTPAuthenticationTypeUnsupported");
	}

	@Test
	void similarThreadsEachSayWhatTheyShare() {
		long id = search("\"NEFilterManager saveToPreferences completion handler never called\"").get("hits")
			.get(0)
			.get("id")
			.asLong();
		String page = http.get("/threads/" + id).body();
		String similar = page.substring(page.indexOf("Similar threads"));
		assertThat(similar).containsPattern("(?si)<li>\\s*<a href=\"/threads/\\d+\">[^<]+</a>\\s*"
				+ "<span class=\"why muted\">shares [^<]*saveToPreferences");
	}

	@Test
	void similarThreadsCiteOnlyWhatCarriesSignalAndEachOnce() {
		// Enough threads about a server error that those words are common, as on a forum.
		http.upload("/api/ingest", "common.jsonl",
				threads(150, "997", "Upload stalls", "The server returns an error when the upload starts."));
		String body = "The server returns an error: Error Domain=NSURLErrorDomain Code=-1200 "
				+ "during the zorblatt handshake. The server error -1200 repeats.";
		http.upload("/api/ingest", "tls.jsonl",
				"""
						{"source": "apple-developer-forums", "externalId": "998001", "title": "Zorblatt handshake fails", 				"posts": [{"body": "%s"}]}
						{"source": "apple-developer-forums", "externalId": "998002", "title": "Zorblatt handshake error", 				"posts": [{"body": "%s Again."}]}
						"""
					.formatted(body, body));
		await().atMost(Duration.ofSeconds(20)).until(() -> total("zorblatt") == 2 && total("stalls") >= 150);
		long id = search("zorblatt").get("hits").get(0).get("id").asLong();
		String page = http.get("/threads/" + id).body();
		String similar = page.substring(page.indexOf("Similar threads"));
		String why = similar.substring(similar.indexOf("shares "),
				similar.indexOf("</span>", similar.indexOf("shares ")));
		assertThat(why).contains("zorblatt").doesNotContainIgnoringCase("error,").doesNotContain("server");
		assertThat(why.split("-1200", -1)).as(why).hasSize(2);
	}

	@Test
	void aRebuildSwapsInAFreshIndexAndSearchStaysUp() throws Exception {
		long before = total("");
		assertThat(index.rebuild()).isEqualTo((int) before);
		assertThat(total("")).isEqualTo(before);
		assertThat(total("code:4097")).isPositive();
	}

	@Test
	void theAdminApiStartsARebuildAndReportsHowCurrentTheIndexIs() {
		Response started = http.postJson("/api/admin/reindex", "{}");
		assertThat(started.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/api/admin/index").json().get("rebuild").asString().contains("finished"));
		// Other classes' threads may still be arriving in the shared application: the
		// rebuilt index catches up with them and then says so. (Changes are ordered by
		// transaction, then number, so the two numbers shown need not be equal.)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/api/admin/index").json().get("caughtUp").asBoolean());
		assertThat(total("code:4097")).isPositive();
	}

	@Test
	void pastAThousandMatchesTheTotalIsALowerBoundAndFacetsCountTheTop() {
		http.upload("/api/ingest", "many.jsonl",
				threads(1_005, "996", "Grumblefrotz stalls", "The grumblefrotz daemon stalls after wake."));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> search("grumblefrotz").get("totalRelation").asString().equals("gte"));
		JsonNode many = search("grumblefrotz");
		// Lucene counts a few past 1,000 before it stops; the bound shown is 1,000, as on
		// OpenSearch.
		assertThat(many.get("total").asLong()).isEqualTo(1_000);
		assertThat(many.get("exactTotal").asLong()).isEqualTo(1_000);
		// Facets and the month chart count the hundred best.
		assertThat(many.get("countedTop").asLong()).isEqualTo(100);
		String page = http.get("/search?q=grumblefrotz").body();
		assertThat(page).contains("1,000+ threads").contains("Counts in the top 100 matches");
	}

	/** {@code count} one-post threads as JSON Lines, numbered in their ids and titles. */
	static String threads(int count, String idPrefix, String title, String body) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append("""
					{"source": "apple-developer-forums", "externalId": "%s%04d", "title": "%s %d", \
					"posts": [{"body": "%s"}]}
					""".formatted(idPrefix, i, title, i, body));
		}
		return lines.toString();
	}

	@Test
	void anIndexWrittenWithOtherFieldsIsRebuiltOnStart() throws IOException {
		long before = total("");
		Path generation = index.search(searcher -> ((FSDirectory) FilterDirectory
			.unwrap(((DirectoryReader) searcher.getIndexReader()).directory())).getDirectory());
		index.stop();
		// As an index written before its fields' layout was recorded: its last commit
		// does not name one.
		try (IndexWriter writer = new IndexWriter(FSDirectory.open(generation), new IndexWriterConfig())) {
			Map<String, String> data = new HashMap<>();
			writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
			data.remove("forumkb.layout");
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
		}
		index.start();
		assertThat(index.generation()).isNotEqualTo(generation.getFileName().toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> total("") == before);
		assertThat(firstTitle("NEFilterManager")).containsIgnoringCase("filter");
	}

	@Test
	void theIndexCatchesUpAfterARestart() {
		index.stop();
		http.upload("/api/ingest", "while-down.jsonl", """
				{"source": "apple-developer-forums", "externalId": "995002", "title": "Plonkwidget crash",
				 "posts": [{"body": "plonkwidget crashes on launch"}]}""".replace("\n", " "));
		index.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> total("plonkwidget") == 1);
	}

}
