package forumkb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.SmallIngestLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Ingest from URLs served by a real HTTP server on loopback (allowed here as an intranet
 * forum would be), plus the size cap (413) and the scheduled feed poll. Small limits make
 * "too large" cheap to test.
 */
@SmallIngestLimits
class UrlIngestTests {

	static HttpServer forum;
	static String base;

	static final String RSS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0"><channel><title>XPC</title><link>https://developer.apple.com/forums/tags/xpc</link>
			<description>Posts under XPC</description>
			<item><title>NSXPCConnection interrupted after reply block</title>
			  <link>https://developer.apple.com/forums/thread/990001</link>
			  <description>The connection is interrupted with NSCocoaErrorDomain Code=4097 right after the reply.</description>
			  <pubDate>Tue, 04 Nov 2025 10:00:00 GMT</pubDate><category>XPC</category></item>
			<item><title>xpc_connection_create_mach_service fails in a sandboxed extension</title>
			  <link>https://developer.apple.com/forums/thread/990002</link>
			  <description>Lookup of the mach service is denied by the sandbox.</description>
			  <pubDate>Wed, 05 Nov 2025 10:00:00 GMT</pubDate><category>XPC</category></item>
			</channel></rss>""";

	static final String JSONL = """
			{"source": "apple-developer-forums", "externalId": "990100", "title": "NEFilterManager removeFromPreferences hangs", "posts": [{"body": "The completion handler of removeFromPreferences is never called."}]}
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	FeedPoller poller;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport http;

	@BeforeAll
	static void startForum() throws IOException {
		forum = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		serve("/tags/xpc/rss", "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8), 200);
		serve("/export.jsonl", "application/x-ndjson", JSONL.getBytes(StandardCharsets.UTF_8), 200);
		serve("/huge.txt", "text/plain", "x".repeat(50_000).getBytes(StandardCharsets.UTF_8), 200);
		serve("/gone", "text/plain", "gone".getBytes(StandardCharsets.UTF_8), 404);
		forum.start();
		base = "http://127.0.0.1:" + forum.getAddress().getPort();
	}

	static void serve(String path, String contentType, byte[] body, int status) {
		forum.createContext(path, exchange -> {
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	@AfterAll
	static void stopForum() {
		forum.stop(0);
	}

	@BeforeEach
	void client() {
		http = HttpClientSupport.asEngineer(application, port);
	}

	@Test
	void aFeedUrlIsFetchedDetectedAndIngested() {
		Response response = http.postJson("/api/ingest", "{\"url\": \"" + base + "/tags/xpc/rss\"}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode run = response.json();
		assertThat(run.get("format").asString()).isEqualTo("feed");
		assertThat(run.get("created").asInt() + run.get("unchanged").asInt()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select excerpt from thread where external_id = '990001'", Boolean.class))
			.isTrue();
	}

	@Test
	void aJsonLinesUrlIsIngested() {
		JsonNode run = http.postJson("/api/ingest", "{\"url\": \"" + base + "/export.jsonl\"}").json();
		assertThat(run.get("format").asString()).isEqualTo("jsonl");
		assertThat(run.get("failed").asInt()).isZero();
	}

	@Test
	void unreachableMissingAndOversizedUrlsGetClearErrors() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String closed = "http://127.0.0.1:" + closedPort + "/x";
		Response unreachable = http.postJson("/api/ingest", "{\"url\": \"" + closed + "\"}");
		assertThat(unreachable.status()).isEqualTo(422);
		assertThat(unreachable.json().get("message").asString()).isEqualTo("could not fetch " + closed);

		Response missing = http.postJson("/api/ingest", "{\"url\": \"" + base + "/gone\"}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("message").asString()).contains("HTTP 404");

		Response huge = http.postJson("/api/ingest", "{\"url\": \"" + base + "/huge.txt\"}");
		assertThat(huge.status()).isEqualTo(422);
		assertThat(huge.json().get("message").asString()).contains("too large");

		Response notHttp = http.postJson("/api/ingest", "{\"url\": \"file:///etc/passwd\"}");
		assertThat(notHttp.status()).isEqualTo(422);
		assertThat(notHttp.json().get("message").asString()).contains("not an http(s) URL");
	}

	@Test
	void anOversizedUploadIsA413WithAJsonBody() {
		Response response = http.upload("/api/ingest", "big.txt", "y".repeat(30_000));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("message").asString()).contains("too large");
	}

	@Test
	void theFeedPollerIngestsAConfiguredFeedAndRecordsThePoll() {
		String status = poller.poll(base + "/tags/xpc/rss");

		assertThat(status).matches("\\d created, 0 updated, \\d unchanged, 0 failed");
		assertThat(jdbc.queryForObject("select last_status from feed_poll where url = ?", String.class,
				base + "/tags/xpc/rss"))
			.isEqualTo(status);
		assertThat(jdbc.queryForObject("select count(*) from thread where external_id in ('990001', '990002')",
				Integer.class))
			.isEqualTo(2);
	}

}
