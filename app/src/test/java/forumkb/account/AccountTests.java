package forumkb.account;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.Browser;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.InFirstJvm;
import forumkb.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Accounts over real HTTP: the first admin, form login with CSRF and a session, sign-up
 * limited to a domain and rate-limited, login back-off, tokens shown once and revocable,
 * roles granted by an admin and audit-logged, security headers and cookie flags, JSON
 * caps.
 */
@InFirstJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "forumkb.admin.password=first-admin-password",
				"forumkb.signup.allowed-domains=example.org, example.com", "forumkb.rate-limit.signup=3",
				"forumkb.login.free-failures=2", "forumkb.api.max-json-bytes=2000" })
class AccountTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFirstAdminSignsInWithTheConfiguredPasswordAndGetsASession() {
		Browser browser = new Browser(port);
		HttpResponse<String> wrong = browser.postForm("/login", "username", "admin@localhost", "password", "nope");
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

		HttpResponse<String> signedIn = browser.postForm("/login", "username", "admin@localhost", "password",
				"first-admin-password");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String cookie = String.join(";", signedIn.headers().allValues("Set-Cookie"));
		assertThat(cookie).contains("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

		HttpResponse<String> users = browser.get("/admin/users");
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).contains("admin@localhost").contains("ADMIN");

		HttpResponse<String> created = browser.postForm("/account/tokens", "name", "from the page");
		assertThat(created.statusCode()).isEqualTo(200);
		Matcher secret = Pattern.compile("(fkb_[A-Za-z0-9_-]{20,})").matcher(created.body());
		assertThat(secret.find()).isTrue();
		Response me = new HttpClientSupport(port, secret.group(1)).get("/api/account");
		assertThat(me.json().get("email").asString()).isEqualTo("admin@localhost");
		assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(browser.get("/account/tokens").body()).doesNotContain(secret.group(1)).contains("from the page");

		assertThat(browser.postForm("/logout").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
	}

	/**
	 * The tests hash at BCrypt cost 4 ({@code forumkb.password.bcrypt-cost}); a password
	 * stored at the default cost 10 still signs in: changing the setting locks no one
	 * out.
	 */
	@Test
	void aPasswordStoredAtAnotherBcryptCostStillSignsIn() {
		String email = "cost-" + UUID.randomUUID() + "@example.org";
		jdbc.update("insert into app_user (email, password_hash, role) values (?, ?, 'DEVELOPER')", email,
				"{bcrypt}" + new BCryptPasswordEncoder(10).encode("stored-at-cost-ten"));

		HttpResponse<String> signedIn = new Browser(port).postForm("/login", "username", email, "password",
				"stored-at-cost-ten");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	@Test
	void anEngineerUploadsOnTheIngestPageWithTheFormsCsrfToken() {
		Account engineer = TestAccounts.account(application, Role.ENGINEER);
		Browser browser = new Browser(port);
		browser.postForm("/login", "username", engineer.getEmail(), "password", TestAccounts.PASSWORD);
		assertThat(browser.get("/ingest").body()).contains("name=\"_csrf\"");
		String boundary = "forumkb-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + browser.csrf()
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"one.jsonl\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n"
				+ "{\"title\": \"Uploaded on the page\", \"posts\": [{\"body\": \"NEVPNErrorDomain Code=1\"}]}\r\n--"
				+ boundary + "--\r\n";
		HttpResponse<String> uploaded = browser.send(HttpRequest.newBuilder(browser.uri("/ingest"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(uploaded.headers().firstValue("Location").orElseThrow()).contains("/ingest/runs/");
	}

	@Test
	void aRoleTakenAwayOrADisabledAccountAppliesToOpenSessionsAndTokensAtOnce() {
		Account engineer = TestAccounts.account(application, Role.ENGINEER);
		HttpClientSupport withToken = new HttpClientSupport(port,
				application.getBean(AccountService.class).createToken("test", engineer, "test").secret());
		Browser browser = new Browser(port);
		browser.postForm("/login", "username", engineer.getEmail(), "password", TestAccounts.PASSWORD);
		assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
		assertThat(browser.get("/ingest").statusCode()).isEqualTo(200);
		assertThat(withToken.get("/api/reports").status()).isEqualTo(200);

		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		assertThat(admin.send("DELETE", "/api/admin/users/" + engineer.getId() + "/engineer", null, null).status())
			.isEqualTo(200);

		assertThat(browser.get("/reports").statusCode()).isEqualTo(403);
		assertThat(browser.get("/ingest").statusCode()).isEqualTo(403);
		assertThat(browser.postForm("/known-issues", "title", "Made by a former engineer").statusCode()).isEqualTo(403);
		assertThat(withToken.get("/api/reports").status()).isEqualTo(403);
		assertThat(browser.get("/account/tokens").statusCode()).as("still signed in, as a developer").isEqualTo(200);

		jdbc.update("update app_user set enabled = false where id = ?", engineer.getId());
		HttpResponse<String> disabled = browser.get("/account/tokens");
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(disabled.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(withToken.get("/api/account").status()).isEqualTo(401);
	}

	@Test
	void noClientPicksItsOwnAddressWithXForwardedForWhenNoProxyIsConfigured() throws Exception {
		String token = TestAccounts.token(application, Role.DEVELOPER);
		HttpClient client = HttpClient.newHttpClient();
		int status = 0;
		for (int i = 1; i <= 31 && status != 429; i++) {
			status = client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", "203.0.113." + i)
					.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"NSURLErrorDomain -1200\"}"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			assertThat(status).as("report %d", i).isIn(201, 429);
		}
		assertThat(status).as("the 31st report in an hour from one address").isEqualTo(429);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		Browser browser = new Browser(port);
		browser.get("/login");
		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin%40localhost&password=first-admin-password"))
			.build());
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void signUpIsOpenToTheAllowedDomainsRateLimitedAndSaysNothingOfExistingAccounts() {
		String name = UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> ok = new Browser(port).postForm("/signup", "email", name + "@Example.org", "password",
				"long enough password");
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedUp");
		assertThat(
				jdbc.queryForObject("select role from app_user where email = ?", String.class, name + "@example.org"))
			.isEqualTo("DEVELOPER");
		assertThat(
				jdbc.queryForObject("select count(*) from audit_event where action = 'account.signup' and subject = ?",
						Integer.class, name + "@example.org"))
			.isEqualTo(1);

		HttpResponse<String> elsewhere = new Browser(port).postForm("/signup", "email", name + "@other.org", "password",
				"long enough password");
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.body()).contains("example.org, example.com addresses only");

		HttpResponse<String> again = new Browser(port).postForm("/signup", "email", name + "@example.org", "password",
				"somebody else's password");
		assertThat(again.statusCode()).as("answered as a new email is").isEqualTo(ok.statusCode());
		assertThat(again.headers().firstValue("Location")).isEqualTo(ok.headers().firstValue("Location"));
		assertThat(again.body()).isEqualTo(ok.body());
		assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class,
				name + "@example.org"))
			.isEqualTo(1);
		assertThat(new Browser(port)
			.postForm("/login", "username", name + "@example.org", "password", "long enough password")
			.headers()
			.firstValue("Location")
			.orElseThrow()).doesNotContain("error");

		HttpResponse<String> limited = new Browser(port).postForm("/signup", "email", name + "-2@example.org",
				"password", "long enough password");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
	}

	@Test
	void repeatedFailedLoginsBackOff() {
		String email = "backoff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Browser browser = new Browser(port);
		assertThat(browser.postForm("/login", "username", email, "password", "wrong one").statusCode()).isEqualTo(302);
		assertThat(browser.postForm("/login", "username", email, "password", "wrong two").statusCode()).isEqualTo(302);
		HttpResponse<String> third = browser.postForm("/login", "username", email, "password", "wrong three");
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
		assertThat(third.body()).contains("too many failed sign-ins");
	}

	@Test
	void tokensAreShownOnceStoredHashedTrackedAndRevocable() {
		HttpClientSupport developer = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER));
		Response created = developer.postJson("/api/account/tokens", "{\"name\": \"ci\"}");
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("token").asString();
		long id = created.json().get("id").asLong();
		assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id))
			.isEqualTo(AccountService.sha256(secret))
			.doesNotContain(secret);

		HttpClientSupport withNew = new HttpClientSupport(port, secret);
		assertThat(withNew.get("/api/account").status()).isEqualTo(200);
		JsonNode listed = developer.get("/api/account/tokens").json();
		JsonNode ci = listed.valueStream().filter(t -> t.get("id").asLong() == id).findFirst().orElseThrow();
		assertThat(ci.get("lastUsedAt").isNull()).isFalse();
		assertThat(ci.has("token")).isFalse();
		// Used again within the minute the page shows: no write for each call.
		Timestamp firstUse = jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class,
				id);
		for (int call = 0; call < 3; call++) {
			assertThat(withNew.get("/api/account").status()).isEqualTo(200);
		}
		assertThat(jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class, id))
			.isEqualTo(firstUse);

		assertThat(developer.send("DELETE", "/api/account/tokens/" + id, null, null).status()).isEqualTo(204);
		Response revoked = withNew.get("/api/account");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().get("status").asInt()).isEqualTo(401);
		assertThat(revoked.json().get("error").asString()).isEqualTo("Unauthorized");
		assertThat(revoked.json().get("message").asString()).contains("not valid");
		assertThat(
				jdbc.queryForList("select action from audit_event where detail = ?", String.class, "ci (#" + id + ")"))
			.containsExactly("token.create", "token.revoke");
	}

	@Test
	void anAdminGrantsAndRevokesEngineerAndTheAuditLogShowsIt() {
		Account developer = TestAccounts.account(application, Role.DEVELOPER);
		HttpClientSupport asDeveloper = new HttpClientSupport(port,
				application.getBean(AccountService.class).createToken("test", developer, "t").secret());
		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		assertThat(asDeveloper.get("/api/ingest/runs").status()).isEqualTo(403);

		Response granted = admin.send("PUT", "/api/admin/users/" + developer.getId() + "/engineer", null, null);
		assertThat(granted.json().get("role").asString()).isEqualTo("ENGINEER");
		assertThat(asDeveloper.get("/api/ingest/runs").status()).isEqualTo(200);
		admin.send("DELETE", "/api/admin/users/" + developer.getId() + "/engineer", null, null);
		assertThat(asDeveloper.get("/api/ingest/runs").status()).isEqualTo(403);

		JsonNode audit = admin.get("/api/admin/audit").json();
		assertThat(audit.valueStream()
			.filter(e -> developer.getEmail().equals(e.get("subject").asString()))
			.map(e -> e.get("action").asString())
			.toList()).contains("role.grant", "role.revoke");
		assertThat(admin.send("PUT", "/api/admin/users/999999/engineer", null, null).status()).isEqualTo(400);
	}

	@Test
	void unauthenticatedApiCallsGetA401JsonBody() {
		Response response = new HttpClientSupport(port).get("/api/ingest/runs");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().get("message").asString()).contains("Bearer");
		Response forbidden = new HttpClientSupport(port, TestAccounts.token(application, Role.DEVELOPER))
			.postJson("/api/admin/reindex", "{}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.json().get("error").asString()).isEqualTo("Forbidden");
	}

	@Test
	void pagesAndApisCarryTheSecurityHeaders() {
		for (Response response : new Response[] { new HttpClientSupport(port).get("/search?q=xpc"),
				new HttpClientSupport(port).get("/api/search?q=xpc"), new HttpClientSupport(port).get("/login") }) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Content-Security-Policy"))
				.isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		}
		String page = new HttpClientSupport(port).get("/search").body();
		assertThat(page).contains("name=\"htmx-config\"").doesNotContain("<script>").doesNotContain("style=");
	}

	@Test
	void jsonBodiesOverTheCapAre413() {
		HttpClientSupport engineer = new HttpClientSupport(port, TestAccounts.token(application, Role.ENGINEER));
		Response response = engineer.postJson("/api/ingest",
				"{\"url\": \"https://example.org/" + "a".repeat(3000) + "\"}");
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("message").asString()).contains("2000 bytes");

		byte[] chunked = ("{\"url\": \"https://example.org/" + "a".repeat(30_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ingest"))
			.header("Authorization", "Bearer " + TestAccounts.token(application, Role.ENGINEER))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked)))
			.build();
		HttpResponse<String> streamed = new Browser(port).send(request);
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.body()).contains("2000 bytes").doesNotContain("Exception");
	}

}
