package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The health endpoint tells anyone whether the portal is up, and only admins what it is
 * made of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthDetailsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Test
	void anyoneSeesTheStatusOnly() {
		for (HttpClientSupport caller : new HttpClientSupport[] { new HttpClientSupport(port),
				new HttpClientSupport(port, TestAccounts.token(application, Role.ENGINEER)) }) {
			HttpClientSupport.Response health = caller.get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().get("status").asString()).isEqualTo("UP");
			assertThat(health.json().has("components")).isFalse();
			assertThat(health.body()).doesNotContain("diskSpace").doesNotContain("path").doesNotContain("PostgreSQL");
		}
	}

	@Test
	void anAdminSeesTheDetails() {
		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		JsonNode health = admin.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("details").get("database").asString())
			.isEqualTo("PostgreSQL");
		assertThat(health.get("components").get("diskSpace").get("details").has("path")).isTrue();
	}

}
