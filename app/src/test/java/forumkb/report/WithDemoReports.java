package forumkb.report;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The demo application (the demo corpus, its known issues and embeddings, as in
 * production) for the report tests, the API's and the pages'; the triage tests share it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "forumkb.demo.enabled=true", "forumkb.triage.embeddings.enabled=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithDemoReports {

	static final String TLS_REPORT = """
			Task <1F2E>.<3> finished with error [-1200] Error Domain=NSURLErrorDomain Code=-1200 "An SSL error has occurred and a secure connection to the server cannot be made." UserInfo={_kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3}
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport developer;

	HttpClientSupport engineer;

	@BeforeAll
	void demoIndexed() {
		DemoCorpus.awaitSearchable(application);
		developer = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		engineer = HttpClientSupport.asEngineer(application, port);
	}

	JsonNode submit(HttpClientSupport who, String text, String description) {
		Response response = who.postJson("/api/reports", HttpClientSupport.JSON.writeValueAsString(Map.of("text", text,
				"description", description, "platform", "iOS", "osVersion", "18.2", "appType", "app")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

}
