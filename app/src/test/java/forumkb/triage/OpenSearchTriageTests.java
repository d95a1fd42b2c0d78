package forumkb.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.OpenSearchApplication;
import forumkb.OpenSearchNode;
import forumkb.index.OpenSearchIndex;
import forumkb.index.SearchIndex;
import forumkb.knownissue.KnownIssueService;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Triage and the known-issue matcher on the OpenSearch backend against a real node
 * ({@link forumkb.OpenSearchNode}), on the demo corpus and its known issues: the same
 * answers over {@code /api/triage} as triage over the Lucene index the same application
 * keeps, suggestion by suggestion (order, labels, scores, matched entities, linked
 * threads, the quoted passage and the words cited from it), and the same known issues
 * matched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchTriageTests extends OpenSearchApplication {

	/**
	 * Real-shaped reports: error lines, a crash report, a log, prose, and none of ours.
	 */
	static final String XPC = """
			Reply block never runs. Console:
			<NSXPCConnection: 0x6000> connection to service named com.acme.agent: Exception caught during decoding of reply to message 'fetchWithReply:', dropping incoming message and calling failure block.
			Error Domain=NSCocoaErrorDomain Code=4864 "Exception while decoding argument 0 (#2 of invocation)"
			""";

	static final String CRASH = """
			Our ES extension dies under load.
			Process:             com.acme.esext [812]
			OS Version:          macOS 15.1 (24B83)
			Exception Type:  EXC_CRASH (SIGKILL)
			Termination Reason: Namespace ENDPOINTSECURITY, Code 2 EndpointSecurity client terminated because it failed to respond to a message before its deadline
			Thread 0 Crashed:
			0   libsystem_kernel.dylib        	0x18b2e1234 mach_msg2_trap + 8
			""";

	static final String TLS_LOG = """
			TLS handshake fails on iOS 18 but the server works in Safari:
			Task <5D1E>.<1> finished with error [-1200] Error Domain=NSURLErrorDomain Code=-1200 "An SSL error has occurred"
			_kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3
			""";

	static final String SOURDOUGH = "my sourdough starter smells like nail polish remover after I feed it, "
			+ "should I remove the hooch?";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	TriageService onOpenSearch;

	HttpClientSupport http;

	TriageService onLucene;

	@BeforeAll
	void demoIndexed() throws IOException {
		DemoCorpus.ingest(application, port);
		application.getBean(ThreadVectors.class).catchUp();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> !application.getBean(KnownIssueService.class).all().isEmpty());
		application.getBean(KnownIssueIndex.class).refreshIfChanged();
		// Both indexes built afresh: BM25 counts the deleted documents an update leaves
		// until a merge drops them, and the two engines merge at different times.
		application.getBean(SearchIndex.class).rebuild();
		application.getBean(OpenSearchIndex.class).rebuild();
		http = new HttpClientSupport(port);
		onLucene = LuceneTriage.over(application);
	}

	@ParameterizedTest
	@ValueSource(strings = { XPC, CRASH, TLS_LOG,
			"NEFilterManager.shared().saveToPreferences never calls its completion handler",
			"errSecMissingEntitlement -34018 when reading the keychain from the app extension",
			"Our iPhone app cannot talk to one of our servers over https: every request fails with a secure "
					+ "connection error, yet the same server works in Safari.",
			"The Core Data lightweight migration crashes on launch after we renamed an attribute in the model",
			SOURDOUGH })
	void triageAnswersAsOnTheLuceneIndex(String report) {
		Response response = http.postJson("/api/triage",
				HttpClientSupport.JSON.writeValueAsString(Map.of("text", report)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode open = response.json();
		JsonNode lucene = HttpClientSupport.JSON
			.readTree(HttpClientSupport.JSON.writeValueAsString(onLucene.triage(report)));
		assertThat(open.get("confidentMatch")).isEqualTo(lucene.get("confidentMatch"));
		for (String list : List.of("suggestions", "weakMatches")) {
			assertThat(ranking(open.get(list))).as(list).isEqualTo(ranking(lucene.get(list)));
			for (int i = 0; i < open.get(list).size(); i++) {
				assertThat(open.get(list).get(i).get("score").floatValue()).as(list + " score " + i)
					.isCloseTo(lucene.get(list).get(i).get("score").floatValue(), within(1e-3f));
			}
		}
		assertThat(open.get("suggestions").size() + open.get("weakMatches").size()).isPositive();
	}

	/**
	 * What the suggestions are, how they rank and what they quote, without the scores
	 * (compared within a tolerance) and the evidence read from them.
	 */
	private static List<JsonNode> ranking(JsonNode suggestions) {
		List<JsonNode> shown = new ArrayList<>();
		for (JsonNode suggestion : suggestions) {
			ObjectNode copy = (ObjectNode) suggestion.deepCopy();
			copy.remove(List.of("score", "evidence"));
			shown.add(copy);
		}
		return shown;
	}

	@Test
	void theKnownIssueMatcherMatchesWhatItMatchesOnTheLuceneIndex() {
		List<String> texts = new ArrayList<>(List.of(XPC, CRASH, TLS_LOG, SOURDOUGH));
		application.getBean(JdbcTemplate.class)
			.query("select t.title || chr(10) || p.body from thread t join post p on p.thread_id = t.id "
					+ "and p.position = 0", (row, n) -> row.getString(1))
			.forEach(texts::add);
		int matched = 0;
		for (String text : texts) {
			List<TriageService.KnownIssueMatch> open = onOpenSearch.matchKnownIssues(text);
			List<TriageService.KnownIssueMatch> lucene = onLucene.matchKnownIssues(text);
			assertThat(open.stream().map(match -> match.knownIssueId() + " " + match.confidence()).toList()).as(text)
				.isEqualTo(lucene.stream().map(match -> match.knownIssueId() + " " + match.confidence()).toList());
			matched += open.isEmpty() ? 0 : 1;
		}
		assertThat(matched).isGreaterThan(3);
	}

}
