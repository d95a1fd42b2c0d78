package forumkb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo corpus loaded on first start must parse and cover the subjects triage is shown
 * on.
 */
class DemoCorpusTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static List<JsonNode> threads;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = DemoCorpusTests.class.getResourceAsStream("/demo/corpus.jsonl")) {
			assertThat(in).as("demo/corpus.jsonl on the classpath").isNotNull();
			threads = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.map(JSON::readTree)
				.toList();
		}
	}

	@Test
	void hasEnoughThreadsWithRequiredFields() {
		assertThat(threads).hasSizeGreaterThanOrEqualTo(40);
		for (JsonNode thread : threads) {
			assertThat(thread.path("title").asString()).isNotBlank();
			assertThat(thread.path("url").asString()).startsWith("https://");
			assertThat(thread.path("externalId").asString()).isNotBlank();
			assertThat(thread.path("posts").get(0).path("body").asString()).isNotBlank();
			assertThat(thread.path("posts").get(0).path("role").asString()).isEqualTo("question");
		}
	}

	@Test
	void externalIdsAndUrlsAreUnique() {
		Set<String> ids = new HashSet<>();
		Set<String> urls = new HashSet<>();
		for (JsonNode thread : threads) {
			assertThat(ids.add(thread.path("source").asString() + "/" + thread.path("externalId").asString())).isTrue();
			assertThat(urls.add(thread.path("url").asString())).isTrue();
		}
	}

	@Test
	void coversTheRequiredTopics() {
		assertThat(threads).anyMatch(mentions("NEFilterManager", "saveToPreferences"));
		assertThat(threads).anyMatch(mentions("NEAppPushProvider"));
		assertThat(threads).anyMatch(mentions("-9802").or(mentions("-1200")));
		assertThat(threads).anyMatch(mentions("NSXPCConnection", "4097"));
		assertThat(threads).anyMatch(mentions("reportNewIncomingVoIPPushPayload"));
		assertThat(threads).anyMatch(mentions("NEHotspotConfigurationErrorDomain"));
		assertThat(threads).anyMatch(mentions("-34018"));
		assertThat(threads).anyMatch(mentions("OSSystemExtensionErrorDomain"));
		assertThat(threads).anyMatch(mentions("com.apple.developer.networking.networkextension"));
	}

	@Test
	void mixesSourcesAndAnsweredAndUnansweredThreads() {
		assertThat(threads).anyMatch(t -> t.path("source").asString().equals("github"));
		assertThat(threads).anyMatch(DemoCorpusTests::hasAcceptedAnswer);
		assertThat(threads).anyMatch(t -> !hasAcceptedAnswer(t));
	}

	private static boolean hasAcceptedAnswer(JsonNode thread) {
		for (JsonNode post : thread.path("posts")) {
			if (post.path("accepted").asBoolean() && post.path("role").asString().equals("answer")) {
				return true;
			}
		}
		return false;
	}

	private static Predicate<JsonNode> mentions(String... words) {
		return thread -> {
			String text = thread.toString();
			for (String word : words) {
				if (!text.contains(word)) {
					return false;
				}
			}
			return true;
		};
	}

}
