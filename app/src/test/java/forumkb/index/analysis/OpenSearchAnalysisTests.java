package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.OpenSearchNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plugin inside a real OpenSearch node: {@code _analyze} with each {@code forum_}
 * analyser gives the tokens, positions and offsets the same analyser gives in process, on
 * the text that makes forum search work (built-in chains lose these).
 */
@ExtendWith(OpenSearchNode.class)
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchAnalysisTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> texts() {
		return Stream.of(Arguments.of(ForumAnalyzers.SYMBOL, "[NEFilterManager.sharedManager loadFromPreferences]"),
				Arguments.of(ForumAnalyzers.SYMBOL_QUERY, "filter manager NEFilterManager"),
				Arguments.of(ForumAnalyzers.SYMBOL,
						"-[NSXPCConnection remoteObjectProxyWithErrorHandler:] returned nil"),
				Arguments.of(ForumAnalyzers.SYMBOL, "saveToPreferences(completionHandler:) and NSURLErrorDomain"),
				Arguments.of(ForumAnalyzers.PROSE, "SecTrustEvaluate fails with -9802 (errSSLFatalAlert) on iOS 18.1"),
				Arguments.of(ForumAnalyzers.PROSE,
						"2025-03-11 23:40:12.149503+0200 MyApp[903:5521] The connection to service failed at 0x19b556388"),
				Arguments.of(ForumAnalyzers.PROSE, "NEFilterManager's rules are failing after the update"),
				Arguments.of(ForumAnalyzers.EXACT, "com.apple.developer.networking.NetworkExtension"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("texts")
	void analyserInOpenSearchGivesTheTokensItGivesInProcess(String name, String text) throws Exception {
		List<String> inProcess = Tokens.of(ForumAnalyzers.byName(name), text).placedWithOffsets();
		assertThat(inProcess).as("the text gives tokens at all").isNotEmpty();
		assertThat(analyzedByOpenSearch("forum_" + name, text)).isEqualTo(inProcess);
	}

	/** "term@position start-end" for each token {@code _analyze} returns. */
	private static List<String> analyzedByOpenSearch(String analyzer, String text) throws Exception {
		String body = JSON.writeValueAsString(Map.of("analyzer", analyzer, "text", text));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OpenSearchNode.url().resolve("/_analyze"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tokens = new ArrayList<>();
		for (JsonNode token : JSON.readTree(response.body()).path("tokens")) {
			tokens.add(token.path("token").asString() + "@" + token.path("position").asInt() + " "
					+ token.path("start_offset").asInt() + "-" + token.path("end_offset").asInt());
		}
		return tokens;
	}

}
