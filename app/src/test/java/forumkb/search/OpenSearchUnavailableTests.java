package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.OpenSearchApplication;
import forumkb.OpenSearchNode;
import forumkb.OpenSearchLink;
import forumkb.system.ServiceUnavailableException;
import forumkb.triage.TriageService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * While the application cannot reach OpenSearch, search and triage (whose lexical half
 * OpenSearch answers) say so: 503 with the API's JSON body on {@code /api}, the error
 * page on the web pages, the message naming the search service and no Java type; and they
 * answer again once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchUnavailableTests extends OpenSearchApplication {

	static final String REPORT = "NEFilterManager.shared().saveToPreferences never calls its completion handler";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	TriageService triage;

	HttpClientSupport engineer;

	HttpClientSupport anonymous;

	@BeforeAll
	void demoIndexed() {
		engineer = DemoCorpus.ingest(application, port);
		anonymous = new HttpClientSupport(port);
	}

	@BeforeEach
	void cutOffOpenSearch() {
		OpenSearchLink.cut();
	}

	@AfterEach
	void reconnect() {
		OpenSearchLink.restore();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> anonymous.get("/api/search?q=NEFilterManager").status() == 200);
	}

	@Test
	void theApiAnswers503WithItsErrorBody() {
		Response search = anonymous.get("/api/search?q=NEFilterManager");
		Response triaged = anonymous.postJson("/api/triage",
				HttpClientSupport.JSON.writeValueAsString(Map.of("text", REPORT)));
		for (Response response : new Response[] { search, triaged }) {
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			JsonNode body = response.json();
			assertThat(body.get("status").asInt()).isEqualTo(503);
			assertThat(body.get("error").asString()).isEqualTo("Service Unavailable");
			assertThat(body.get("message").asString()).contains("search service is unavailable");
			assertThat(response.body()).doesNotContain("Exception", "forumkb.", "java.", "OpenSearch at");
			assertThat(response.header("Retry-After")).isNotBlank();
		}
	}

	@Test
	void theSearchAndTriagePagesSaySoReadably() {
		Response search = engineer.getPage("/search?q=" + URLEncoder.encode("code:4097", StandardCharsets.UTF_8));
		Response triaged = engineer.send("POST", "/triage/suggestions", "application/x-www-form-urlencoded",
				"text=" + URLEncoder.encode(REPORT, StandardCharsets.UTF_8));
		for (Response page : new Response[] { search, triaged }) {
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("search service is unavailable")
				.doesNotContain("Exception", "forumkb.", "java.");
		}
	}

	@Test
	void theKnownIssueMatcherWaitsForTheSearchService() {
		assertThatThrownBy(() -> triage.matchKnownIssues(REPORT)).isInstanceOf(ServiceUnavailableException.class);
	}

}
