package forumkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.SmallIngestLimits;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hundreds of malformed, oversized, wrongly-encoded and hostile inputs against ingest and
 * search: never a 500, always a JSON error body for 4xx, and the rejected ones change
 * nothing in the database. Seeded, so a failure reproduces.
 */
@SmallIngestLimits
class BadInputTests {

	private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"javascript:alert(1)", "'; drop table thread; --", "\u0000\u0001\u0002", "{{7*7}}",
			"${T(java.lang.Runtime).getRuntime()}", "%00%ff%fe", "\uFEFF\uFFFE\uD800", "../../../../etc/passwd",
			"a".repeat(70_000), "Error Domain=NSCocoaErrorDomain Code=4097 \"x\" UserInfo={", "code:", "after:", "has:",
			"tag:\"", "((((((((((", "\"unterminated phrase", "*?*?*?", "~!@#$%^&*()_+", "domain:\"\"", "year:abc",
			"api:" + "A".repeat(5_000));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport http;

	final Random random = new Random(20261201);

	@BeforeEach
	void client() {
		http = HttpClientSupport.asEngineer(application, port);
	}

	@Test
	void malformedUploadsAreRejectedClearlyAndLeaveTheDatabaseUnchanged() {
		long threadsBefore = count("thread");
		long postsBefore = count("post");
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			byte[] content = badDocument(i);
			Response response = http.upload("/api/ingest", "bad-" + i + extension(i), content);
			check(problems, "upload " + i, response);
			if (response.status() == 200 && response.json().get("created").asInt() > 0) {
				problems.add("upload " + i + " created threads from bad input: " + response.body());
			}
		}
		for (int i = 0; i < 60; i++) {
			String body = i % 3 == 0 ? HOSTILE.get(i % HOSTILE.size()) : "{\"url\": "
					+ (i % 2 == 0 ? "\"" + HOSTILE.get(i % HOSTILE.size()).replace("\"", "") + "\"" : i) + "}";
			check(problems, "json " + i, http.postJson("/api/ingest", body));
		}
		assertThat(problems).isEmpty();
		assertThat(count("thread")).isEqualTo(threadsBefore);
		assertThat(count("post")).isEqualTo(postsBefore);
	}

	@Test
	void hostileAndMalformedSearchesNeverFail() {
		List<String> problems = new ArrayList<>();
		List<String> queries = new ArrayList<>(HOSTILE);
		for (int i = 0; i < 150; i++) {
			queries.add(randomText(1 + random.nextInt(400)));
		}
		for (String query : queries) {
			String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
			check(problems, "api search " + abbreviate(query), http.get("/api/search?q=" + encoded + "&page="
					+ (random.nextInt(5) - 1) + "&sort=" + (random.nextBoolean() ? "recent" : "x")));
			Response page = http.get("/search?q=" + encoded);
			if (page.status() >= 500) {
				problems.add("search page " + abbreviate(query) + " → " + page.status());
			}
			assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("onerror=alert(1)>");
		}
		assertThat(problems).isEmpty();
	}

	/** Broken JSON lines, binary, wrong encodings, truncated markup, oversized text. */
	private byte[] badDocument(int i) {
		return switch (i % 10) {
			case 0 -> ("{\"title\": \"" + HOSTILE.get(i % HOSTILE.size()).replace("\"", "") + "\", \"posts\": [")
				.getBytes(StandardCharsets.UTF_8);
			case 1 -> randomBytes(1 + random.nextInt(2_000));
			case 2 -> ("Caf\u00e9 " + randomText(200)).getBytes(StandardCharsets.ISO_8859_1);
			case 3 -> "<html><body><p>no thread here".getBytes(StandardCharsets.UTF_8);
			case 4 -> "<?xml version=\"1.0\"?><rss><channel><item><title>".getBytes(StandardCharsets.UTF_8);
			case 5 -> "{\"post_stream\": {\"posts\": [{\"cooked\": ".getBytes(StandardCharsets.UTF_8);
			case 6 -> "x".repeat(250_000).getBytes(StandardCharsets.UTF_8);
			case 7 -> new byte[0];
			case 8 ->
				"{\"posts\": [{\"body\": \"\"}], \"replies\": -3}\n{\"tags\": 7}".getBytes(StandardCharsets.UTF_8);
			default ->
				("{\"title\": 5, \"posts\": \"nope\"}\n{\"posts\": [1, 2]}\n{}").getBytes(StandardCharsets.UTF_8);
		};
	}

	private static String extension(int i) {
		return switch (i % 4) {
			case 0 -> ".jsonl";
			case 1 -> ".bin";
			case 2 -> ".txt";
			default -> ".html";
		};
	}

	private static void check(List<String> problems, String what, Response response) {
		if (response.status() >= 500) {
			problems.add(what + " → " + response.status() + " " + abbreviate(response.body()));
		}
		else if (response.status() >= 400) {
			String body = response.body();
			if (!body.contains("\"message\"") || body.contains("Exception") || body.contains("\tat ")) {
				problems.add(what + " → " + response.status() + " without a clean JSON error: " + abbreviate(body));
			}
		}
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private String randomText(int length) {
		String alphabet = "abcXYZ019 :=\"'()[]{}<>-_.,;!?*~\\/\n\t%&#@$^|`" + "éßΩ–—…\u0000\u202e";
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String abbreviate(String text) {
		return text.length() <= 80 ? text : text.substring(0, 80) + "…";
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
