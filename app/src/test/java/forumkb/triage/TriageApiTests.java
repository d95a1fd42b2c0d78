package forumkb.triage;

import forumkb.DemoApplication;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/triage} on the demo corpus and demo known issues, with sentence
 * embeddings on: known issues first with reasons, crash reports and logs understood, "no
 * confident match" when nothing fits, and bad input answered with a 400.
 */
@DemoApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ThreadVectors vectors;

	@Autowired
	TriageService triage;

	@Autowired
	ApplicationContext application;

	HttpClientSupport http;

	@BeforeAll
	void demoIndexed() {
		http = new HttpClientSupport(port);
		DemoCorpus.ingest(application, port);
		vectors.catchUp();
	}

	JsonNode triage(String text) {
		Response response = http.postJson("/api/triage",
				HttpClientSupport.JSON.writeValueAsString(Map.of("text", text)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	static List<String> values(JsonNode matched) {
		List<String> values = new ArrayList<>();
		matched.forEach(m -> values.add(m.get("value").asString()));
		return values;
	}

	@Test
	void anXpcDecodingErrorIsTheKnownIssueWithItsSharedCodeAndLinkedThreads() {
		JsonNode result = triage(
				"""
						Reply block never runs. Console:
						<NSXPCConnection: 0x6000> connection to service named com.acme.agent: Exception caught during decoding of reply to message 'fetchWithReply:', dropping incoming message and calling failure block.
						Error Domain=NSCocoaErrorDomain Code=4864 "Exception while decoding argument 0 (#2 of invocation)"
						""");
		JsonNode top = result.get("suggestions").get(0);
		assertThat(top.get("type").asString()).isEqualTo("known-issue");
		assertThat(top.get("title").asString()).contains("NSXPCConnection rejects");
		assertThat(top.get("confidence").asString()).isEqualTo("HIGH");
		assertThat(result.get("confidentMatch").asBoolean()).isTrue();
		assertThat(values(top.get("matched"))).contains("NSCocoaErrorDomain:4864");
		assertThat(top.get("why").asString()).contains("NSCocoaErrorDomain:4864").contains("linked thread");
		assertThat(top.get("threads")).isNotEmpty();
		assertThat(top.get("url").asString()).startsWith("/known-issues/");
	}

	@Test
	void aKnownIssueWhoseThreadsMatchRanksAboveEachOfThoseThreads() {
		JsonNode suggestions = triage("NEFilterManager.shared().saveToPreferences never calls its completion handler "
				+ "when enabling our content filter on macOS 15")
			.get("suggestions");
		assertThat(suggestions.get(0).get("type").asString()).isEqualTo("known-issue");
		assertThat(suggestions.get(0).get("title").asString()).startsWith("NEFilterManager");
		float known = suggestions.get(0).get("score").floatValue();
		for (int i = 1; i < suggestions.size(); i++) {
			assertThat(suggestions.get(i).get("score").floatValue()).isLessThanOrEqualTo(known);
		}
		assertThat(suggestions.toString()).contains("\"thread\"");
	}

	@Test
	void everydayWordsStillFindTheTlsKnownIssueThroughSemanticSimilarity() {
		JsonNode result = triage("Our iPhone app cannot talk to one of our servers over https: every request "
				+ "fails with a secure connection error, yet the same server works in Safari.");
		JsonNode tls = null;
		for (JsonNode suggestion : result.get("suggestions")) {
			if (suggestion.get("title").asString().startsWith("TLS server trust")) {
				tls = suggestion;
			}
		}
		assertThat(tls).as(result.toString()).isNotNull();
		assertThat(tls.get("semanticSimilarity").floatValue()).isGreaterThan(0.3f);
	}

	@Test
	void aClassicCrashReportIsReadAsItsTerminationReason() {
		JsonNode result = triage(
				"""
						Our ES extension dies under load.
						Incident Identifier: 3A1F7C2B-0D5E-4C1A-9E7B-2F6A8D4C1B90
						Hardware Model:      Mac14,2
						Process:             com.acme.esext [812]
						OS Version:          macOS 15.1 (24B83)
						Exception Type:  EXC_CRASH (SIGKILL)
						Exception Codes: 0x0000000000000000, 0x0000000000000000
						Termination Reason: Namespace ENDPOINTSECURITY, Code 2 EndpointSecurity client terminated because it failed to respond to a message before its deadline
						Thread 0 Crashed:
						0   libsystem_kernel.dylib        	0x18b2e1234 mach_msg2_trap + 8
						1   libsystem_kernel.dylib        	0x18b2e5678 mach_msg2_internal + 80
						Binary Images:
						       0x104a00000 -        0x104a3ffff com.acme.esext (1.0) <0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9> /Library/SystemExtensions/esext
						""");
		assertThat(result.get("symptom").asString()).contains("ENDPOINTSECURITY").doesNotContain("Binary Images");
		assertThat(result.get("suggestions").get(0).get("title").asString())
			.startsWith("Endpoint Security client killed");
	}

	@Test
	void anUnrelatedProblemGetsNoConfidentMatch() {
		JsonNode result = triage("The Core Data lightweight migration crashes on launch after we renamed an "
				+ "attribute in the model; the persistent store cannot be opened.");
		assertThat(result.get("confidentMatch").asBoolean()).isFalse();
		assertThat(result.get("suggestions").toString()).doesNotContain("\"HIGH\"");
	}

	static final String SOURDOUGH = "my sourdough starter smells like nail polish remover after I feed it, "
			+ "should I remove the hooch?";

	/**
	 * The second shares "two days" with a demo thread about App Store Connect, and only
	 * that: it was once a possible match.
	 */
	@ParameterizedTest
	@ValueSource(strings = { SOURDOUGH, "My sourdough starter smells like acetone after two days" })
	void unrelatedTextIsNoConfidentMatchWithItsWeakMatchesApart(String text) {
		JsonNode result = triage(text);

		assertThat(result.get("confidentMatch").asBoolean()).isFalse();
		assertThat(result.get("suggestions")).as(result.toString()).isEmpty();
		result.get("weakMatches").forEach(weak -> assertThat(weak.get("confidence").asString()).isEqualTo("LOW"));
	}

	@Test
	void thePageShowsNoListForUnrelatedTextOnlyAControlForTheWeakMatches() {
		TriageResult result = triage.triage(SOURDOUGH);

		String page = HttpClientSupport.asEngineer(application, port)
			.send("POST", "/triage/suggestions", "application/x-www-form-urlencoded",
					"text=" + URLEncoder.encode(SOURDOUGH, StandardCharsets.UTF_8))
			.body();

		assertThat(page).contains("No confident match");
		String beforeWeak = page.contains("<details class=\"weak-matches\"")
				? page.substring(0, page.indexOf("<details class=\"weak-matches\"")) : page;
		assertThat(beforeWeak).doesNotContain("<li class=\"suggestion");
		if (!result.weakMatches().isEmpty()) {
			assertThat(page).contains("Show weak matches (" + result.weakMatches().size() + ")")
				.contains("<li class=\"suggestion");
		}
	}

	@Test
	void aSuggestionNeverSitsAboveAMoreConfidentOne() {
		for (String text : List.of(SOURDOUGH,
				"NEFilterManager.shared().saveToPreferences never calls its completion handler",
				"Error Domain=NSCocoaErrorDomain Code=4864 decoding reply to message fetchWithReply",
				"TLS handshake fails with -9802 on iOS but the server works in Safari")) {
			List<Suggestion> ranked = triage.triage(text).ranked();
			for (int i = 1; i < ranked.size(); i++) {
				assertThat(ranked.get(i).confidence()).as(text + ": " + ranked)
					.isGreaterThanOrEqualTo(ranked.get(i - 1).confidence());
			}
		}
	}

	@Test
	void reasonsCiteOnlyWordsRarerThanMost() {
		for (String text : List.of(SOURDOUGH,
				"After the update the app should start, but it shows an error with a domain and a code.")) {
			for (Suggestion suggestion : triage.triage(text).ranked()) {
				assertThat(suggestion.phrases()).as(text).doesNotContain("after", "should", "error", "domain", "code");
				assertThat(suggestion.why().toLowerCase(java.util.Locale.ROOT)).as(text)
					.doesNotContain("\u201cafter\u201d", "\u201cshould\u201d", "\u201cerror\u201d",
							"\u201cdomain\u201d", "\u201ccode\u201d");
			}
		}
	}

	@Test
	void emptyOrHugeTextIsABadRequestNotAnError() {
		Response empty = http.postJson("/api/triage", "{\"text\": \"   \"}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("message").asString()).contains("paste");
		Response missing = http.postJson("/api/triage", "{}");
		assertThat(missing.status()).isEqualTo(400);
		Response broken = http.postJson("/api/triage", "{\"text\": ");
		assertThat(broken.status()).isEqualTo(400);
		Response huge = http.postJson("/api/triage",
				HttpClientSupport.JSON.writeValueAsString(Map.of("text", "x".repeat(TriageService.MAX_TEXT + 1))));
		assertThat(huge.status()).isEqualTo(400);
		assertThat(huge.body()).doesNotContain("Exception");
	}

}
