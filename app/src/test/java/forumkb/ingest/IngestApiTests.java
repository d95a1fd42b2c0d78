package forumkb.ingest;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Ingest through the HTTP API against the embedded PostgreSQL. */
@SharedApplication
class IngestApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext application;

	HttpClientSupport http;

	String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void client() {
		http = HttpClientSupport.asEngineer(application, port);
	}

	private String thread(String id, String title, String body) {
		return """
				{"source": "apple-developer-forums", "externalId": "%s", "url": "https://developer.apple.com/forums/thread/%s",
				 "title": "%s", "tags": ["Network Extension"], "replies": 1, "views": 40,
				 "posts": [{"author": "dev", "body": "%s", "role": "question"},
				           {"author": "dts", "body": "Call it from the main thread.", "role": "answer", "accepted": true}]}
				"""
			.formatted(id, id, title, body)
			.replace("\n", " ");
	}

	@Test
	void aUrlOnTheServersOwnLoopbackIsRefusedAndNothingIsStored() {
		long runs = jdbc.queryForObject("select count(*) from ingest_run", Long.class);
		String url = "http://127.0.0.1:" + port + "/api/threads";

		Response refused = http.postJson("/api/ingest", "{\"url\": \"" + url + "\"}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("message").asString()).isEqualTo("could not fetch " + url);
		assertThat(jdbc.queryForObject("select count(*) from ingest_run", Long.class)).isEqualTo(runs);
	}

	@Test
	void jsonLinesLandAndABadLineIsReportedWithItsNumber() {
		String lines = thread(run + "-1", "NEFilterManager saveToPreferences never completes",
				"saveToPreferencesWithCompletionHandler: hangs; Error Domain=NEFilterErrorDomain Code=1") + "\n"
				+ "{\"title\": \"broken\", \"posts\": [\n"
				+ thread(run + "-2", "NEAppPushProvider started twice", "init is called again and again") + "\n";

		Response response = http.upload("/api/ingest", "threads.jsonl", lines);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("created").asInt()).isEqualTo(2);
		assertThat(body.get("failed").asInt()).isEqualTo(1);
		JsonNode error = body.get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(2);
		assertThat(error.get("item").asString()).isEqualTo("threads.jsonl line 2");
		assertThat(error.get("reason").asString()).startsWith("malformed JSON");

		Response run = http.get("/api/ingest/runs/" + body.get("id").asLong());
		assertThat(run.json().get("errors").size()).isEqualTo(1);
	}

	@Test
	void aRunWithFailedItemsIsShownAsCompletedWithFailuresAndItsSummaryOnce() {
		String lines = thread(run + "-ok", "NWPathMonitor never reports satisfied", "pathUpdateHandler is silent")
				+ "\n{\"title\": \"broken\n";
		long id = http.upload("/api/ingest", "partial.jsonl", lines).json().get("id").asLong();

		String page = http.getPage("/ingest/runs/" + id).body();
		assertThat(page).contains("class=\"status partial\">completed with 1 failure<")
			.doesNotContain("status completed");
		assertThat(page.split("1 created, 0 updated, 0 unchanged, 1 failed", -1)).hasSize(2);
		assertThat(http.getPage("/ingest").body()).contains("class=\"status partial\">completed with 1 failure<");
	}

	@Test
	void aRunLinksTheThreadsItCreatedAndUpdatedPageByPage() {
		String before = thread(run + "-kept", "Thread the run updates", "first words");
		long earlier = http.upload("/api/ingest", "before.jsonl", before).json().get("id").asLong();
		StringBuilder lines = new StringBuilder(thread(run + "-kept", "Thread the run updates", "second words"));
		for (int i = 0; i < 52; i++) {
			lines.append('\n').append(thread(run + "-new-" + i, "Run thread " + i, "body " + i));
		}
		JsonNode ingested = http.upload("/api/ingest", "run.jsonl", lines.toString()).json();
		long id = ingested.get("id").asLong();
		long kept = threadId(run + "-kept");
		long newest = threadId(run + "-new-51");

		JsonNode threads = ingested.get("threads");
		assertThat(threads.get("total").asLong()).isEqualTo(53);
		assertThat(threads.get("pageCount").asInt()).isEqualTo(2);
		assertThat(threads.get("items")).hasSize(50);
		assertThat(threads.get("items").get(0).get("id").asLong()).isEqualTo(newest);
		assertThat(threads.get("items").get(0).get("outcome").asString()).isEqualTo("created");
		assertThat(threads.get("items").get(0).get("url").asString()).isEqualTo("/threads/" + newest);
		JsonNode last = http.get("/api/ingest/runs/" + id + "?page=99").json().get("threads");
		assertThat(last.get("page").asInt()).as("past the end: the last page").isEqualTo(1);
		assertThat(last.get("items")).hasSize(3);
		assertThat(last.get("items").toString())
			.contains("{\"id\":" + kept + ",\"title\":\"Thread the run updates\",\"outcome\":\"updated\"");
		assertThat(http.get("/api/ingest/runs").json().get(0).has("threads")).as("the list of runs stays short")
			.isFalse();

		String page = http.getPage("/ingest/runs/" + id).body();
		assertThat(page).contains("<h2>Threads created or updated (53)</h2>")
			.contains("href=\"/threads/" + newest + "\">Run thread 51</a>")
			.contains("page 1 of 2")
			.contains("href=\"/ingest/runs/" + id + "?page=1\"")
			.doesNotContain("href=\"/threads/" + kept + "\"");
		assertThat(http.getPage("/ingest/runs/" + id + "?page=1").body())
			.contains("href=\"/threads/" + kept + "\">Thread the run updates</a>")
			.contains("rel=\"prev\"");
		assertThat(http.get("/api/ingest/runs/" + earlier).json().get("threads").get("total").asLong())
			.as("the earlier run keeps its own thread")
			.isEqualTo(1);
	}

	@Test
	void theSameThreadTwiceIsOneThreadAndChangedContentUpdatesIt() {
		String id = run + "-same";
		String original = thread(id, "TLS trust evaluation fails with -9802", "kCFStreamErrorCodeKey=-9802");
		assertThat(http.upload("/api/ingest", "a.jsonl", original).json().get("created").asInt()).isEqualTo(1);
		assertThat(http.upload("/api/ingest", "b.jsonl", original).json().get("unchanged").asInt()).isEqualTo(1);

		String changed = thread(id, "TLS trust evaluation fails with -9802", "now also NSURLErrorDomain -1200");
		assertThat(http.upload("/api/ingest", "c.jsonl", changed).json().get("updated").asInt()).isEqualTo(1);

		assertThat(threadsWithExternalId(id)).isEqualTo(1);
		JsonNode thread = http.get("/api/threads/" + threadId(id)).json();
		assertThat(thread.get("posts").get(0).get("body").asString()).contains("-1200");
		assertThat(thread.get("posts").get(1).get("accepted").asBoolean()).isTrue();
		assertThat(thread.get("entities").toString()).contains("NSURLErrorDomain:-1200");
	}

	@Test
	void anExcerptIsUpgradedByTheFullThreadButNeverReplacesIt() {
		String id = run + "-excerpt";
		String excerpt = """
				{"source": "apple-developer-forums", "externalId": "%s", "title": "XPC decode fails", "excerpt": true,
				 "replies": 1, "posts": [{"body": "Exception while decoding argument 0"}]}""".formatted(id)
			.replace("\n", " ");
		String full = thread(id, "XPC decode fails", "Exception while decoding argument 0 (#2 of invocation)");

		http.upload("/api/ingest", "listing.jsonl", excerpt);
		assertThat(http.upload("/api/ingest", "thread.jsonl", full).json().get("updated").asInt()).isEqualTo(1);
		assertThat(http.upload("/api/ingest", "listing.jsonl", excerpt).json().get("unchanged").asInt()).isEqualTo(1);

		JsonNode thread = http.get("/api/threads/" + threadId(id)).json();
		assertThat(thread.get("excerpt").asBoolean()).isFalse();
		assertThat(thread.get("posts").size()).isEqualTo(2);
	}

	@Test
	void aThreadThatCannotBeStoredFailsAloneAndLeavesNothingBehind() {
		String good = thread(run + "-good", "Good thread", "fine");
		String bad = thread(run + "-bad", "Bad thread", "nul \\u0000 inside");

		JsonNode body = http.upload("/api/ingest", "mixed.jsonl", good + "\n" + bad).json();

		assertThat(body.get("created").asInt()).isEqualTo(1);
		assertThat(body.get("failed").asInt()).isEqualTo(1);
		assertThat(body.get("errors").get(0).get("reason").asString()).contains("NUL");
		assertThat(threadsWithExternalId(run + "-bad")).isZero();
		assertThat(threadsWithExternalId(run + "-good")).isEqualTo(1);
	}

	@Test
	void emptyBinaryAndWronglyEncodedFilesGetClearReasonsWhileGoodFilesLand() {
		byte[] latin1 = "Caf\u00e9 cr\u00e8me: NSURLErrorDomain -1200\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] binary = { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

		JsonNode body = http
			.upload("/api/ingest", "empty.jsonl", "", "image.png", binary, "latin1.txt", latin1, "good.jsonl",
					thread(run + "-batch", "Good one", "ok"))
			.json();

		assertThat(body.get("created").asInt()).isEqualTo(1);
		assertThat(body.get("failed").asInt()).isEqualTo(3);
		String errors = body.get("errors").toString();
		assertThat(errors).contains("empty input").contains("binary").contains("UTF-8");
	}

	@Test
	void aListingPageLandsAsExcerptsWithCountsAndIsIdempotent() throws Exception {
		byte[] listing;
		try (InputStream in = new ClassPathResource("fixtures/listing.txt").getInputStream()) {
			listing = in.readAllBytes();
		}

		JsonNode first = http.upload("/api/ingest", "listing.txt", listing).json();
		JsonNode second = http.upload("/api/ingest", "listing.txt", listing).json();

		assertThat(first.get("format").asString()).isEqualTo("text_dump");
		assertThat(first.get("created").asInt() + first.get("updated").asInt()).isGreaterThan(10);
		assertThat(first.get("failed").asInt()).isZero();
		assertThat(second.get("unchanged").asInt())
			.isEqualTo(first.get("created").asInt() + first.get("updated").asInt() + first.get("unchanged").asInt());
		Integer views = jdbc.queryForObject(
				"select views from thread where title = 'AVAudioSession interruption never ends after a phone call on iOS 18'",
				Integer.class);
		assertThat(views).isEqualTo(512);
	}

	@Test
	void thePagesShowIngestedThreadsAndTheRunReport() {
		String id = run + "-page";
		// Active just now, so it leads the first page's recent threads whatever else the
		// shared application holds.
		String activeNow = thread(id, "NWConnection fails with POSIX error 50", "nw_connection: ENETDOWN")
			.replaceFirst("^\\{", "{\"lastActivityAt\": \"" + Instant.now() + "\", ");
		JsonNode ingested = http.upload("/api/ingest", "page.jsonl", activeNow).json();

		assertThat(http.get("/").body()).contains("NWConnection fails with POSIX error 50");
		Response page = http.get("/threads/" + threadId(id));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("accepted answer")
			.contains("Call it from the main thread.")
			.as("provenance: where it came from and where it was read")
			.contains("href=\"https://developer.apple.com/forums/thread/" + id + "\"")
			.contains("Read from page.jsonl, lines 1–1");
		Response report = http.get("/ingest/runs/" + ingested.get("id").asLong());
		assertThat(report.body()).contains("1 created").contains("completed");
		assertThat(http.get("/threads/987654321").status()).isEqualTo(404);
	}

	@Test
	void theApiIsDescribedInOpenApi() {
		Response docs = http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/ingest", "/api/ingest/runs/{id}",
				"/api/threads/{id}");
	}

	private int threadsWithExternalId(String externalId) {
		Integer count = jdbc.queryForObject("select count(*) from thread where external_id = ?", Integer.class,
				externalId);
		return count == null ? 0 : count;
	}

	private long threadId(String externalId) {
		return jdbc.queryForObject("select id from thread where external_id = ?", Long.class, externalId);
	}

}
