package forumkb.account;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what, for every page and API: one row per endpoint, the expected status for
 * an anonymous caller with {@code forumkb.public-read=false} and with {@code =true}, and
 * for a developer, an engineer and an admin (signed in by bearer token). Two applications
 * run side by side, one per public-read setting; sign-up is off in both. The signed-in
 * roles are called under both settings where the endpoint answers anonymous callers
 * differently under each, under public reading elsewhere.
 *
 * <p>
 * Anonymous form posts are refused for their missing CSRF token (403) before anything
 * else; a bearer token is no ambient credential, so it needs none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

	/**
	 * One application per public-read setting, with its callers and the ids rows refer
	 * to.
	 */
	record Deployment(ConfigurableApplicationContext app, Map<String, HttpClientSupport> callers,
			Map<String, String> ids) {
	}

	Deployment closed;

	Deployment open;

	@BeforeAll
	void start() {
		closed = deploy(false);
		open = deploy(true);
	}

	@AfterAll
	void stop() {
		for (Deployment deployment : new Deployment[] { closed, open }) {
			if (deployment != null) {
				deployment.app().close();
			}
		}
	}

	static Deployment deploy(boolean publicRead) {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(ForumkbApplication.class)
			.run("--server.port=0", "--forumkb.public-read=" + publicRead, "--forumkb.signup.enabled=false");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		Map<String, HttpClientSupport> callers = new LinkedHashMap<>();
		callers.put("anonymous", new HttpClientSupport(port));
		Account developer = TestAccounts.account(app, Role.DEVELOPER);
		callers.put("developer", new HttpClientSupport(port,
				app.getBean(AccountService.class).createToken("test", developer, "test").secret()));
		callers.put("engineer", new HttpClientSupport(port, TestAccounts.token(app, Role.ENGINEER)));
		callers.put("admin", new HttpClientSupport(port, TestAccounts.token(app, Role.ADMIN)));
		callers.get("engineer").upload("/api/ingest", "one.jsonl", thread());
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		callers.get("engineer").postJson("/api/known-issues", "{\"title\": \"XPC connection interrupted\"}");
		callers.get("developer").postJson("/api/reports", "{\"text\": \"NSXPCConnectionInterrupted\"}");
		return new Deployment(app, callers,
				Map.of("{knownIssue}", jdbc.queryForObject("select max(id) from known_issue", Long.class).toString(),
						"{report}", jdbc.queryForObject("select max(id) from report", Long.class).toString(),
						"{thread}", jdbc.queryForObject("select min(id) from thread", Long.class).toString(), "{run}",
						jdbc.queryForObject("select max(id) from ingest_run", Long.class).toString(), "{developer}",
						developer.getId().toString()));
	}

	static String thread() {
		return "{\"source\": \"test\", \"externalId\": \"" + UUID.randomUUID() + "\", \"title\": \"XPC connection"
				+ " interrupted\", \"posts\": [{\"body\": \"NSXPCConnectionInterrupted after xpc_connection_resume\"}]}";
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# method | path                                   | body                     | anonymous | public | developer | engineer | admin
					GET      | /                                      |                          | 302       | 200    | 200       | 200      | 200
					GET      | /threads/{thread}                      |                          | 302       | 200    | 200       | 200      | 200
					GET      | /search?q=xpc                          |                          | 302       | 200    | 200       | 200      | 200
					GET      | /ingest                                |                          | 302       | 302    | 403       | 200      | 200
					POST     | /ingest                                | files                    | 403       | 403    | 403       | 302      | 302
					POST     | /ingest/url                            | form:url=not-a-url       | 403       | 403    | 403       | 200      | 200
					GET      | /ingest/runs/{run}                     |                          | 302       | 302    | 403       | 200      | 200
					GET      | /ingest/runs/{run}/report              |                          | 302       | 302    | 403       | 200      | 200
					POST     | /api/ingest                            | files                    | 401       | 401    | 403       | 200      | 200
					POST     | /api/ingest                            | json:{"url": ""}         | 401       | 401    | 403       | 400      | 400
					GET      | /api/ingest/runs                       |                          | 401       | 401    | 403       | 200      | 200
					GET      | /api/ingest/runs/{run}                 |                          | 401       | 401    | 403       | 200      | 200
					GET      | /api/threads/{thread}                  |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/search?q=xpc                      |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/search/feed?q=xpc                 |                          | 401       | 200    | 200       | 200      | 200
					POST     | /api/admin/reindex                     |                          | 401       | 401    | 403       | 202      | 202
					GET      | /api/admin/index                       |                          | 401       | 401    | 403       | 200      | 200
					GET      | /triage                                |                          | 302       | 200    | 200       | 200      | 200
					POST     | /triage/suggestions                    | form:text=xpc_error      | 403       | 403    | 200       | 200      | 200
					POST     | /api/triage                            | json:{"text": "xpc_error=[159]"} | 401 | 200    | 200       | 200      | 200
					GET      | /known-issues                          |                          | 302       | 200    | 200       | 200      | 200
					GET      | /known-issues/{knownIssue}             |                          | 302       | 200    | 200       | 200      | 200
					GET      | /known-issues/new                      |                          | 302       | 302    | 403       | 200      | 200
					GET      | /known-issues/{knownIssue}/edit        |                          | 302       | 302    | 403       | 200      | 200
					POST     | /known-issues                          | form:title=Page+issue    | 403       | 403    | 403       | 302      | 302
					POST     | /known-issues/{knownIssue}/links       | form:threadId={thread}   | 403       | 403    | 403       | 302      | 302
					GET      | /api/known-issues                      |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/known-issues/{knownIssue}         |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/known-issues/{knownIssue}/weekly  |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/known-issues/feed                 |                          | 401       | 200    | 200       | 200      | 200
					GET      | /api/known-issues/draft?fromThread={thread} |                     | 401       | 200    | 200       | 200      | 200
					POST     | /api/known-issues                      | json:{"title": "Api issue"} | 401    | 401    | 403       | 201      | 201
					PUT      | /api/known-issues/{knownIssue}/threads/{thread} |                 | 401       | 401    | 403       | 200      | 200
					GET      | /reports                               |                          | 302       | 302    | 403       | 200      | 200
					GET      | /reports/mine                          |                          | 302       | 302    | 200       | 200      | 200
					GET      | /reports/{report}                      |                          | 302       | 302    | 200       | 200      | 200
					POST     | /reports/new                           | form:text=xpc_error      | 403       | 403    | 302       | 302      | 302
					POST     | /reports/{report}/decision             | form:action=shrug        | 403       | 403    | 403       | 400      | 400
					POST     | /reports/{report}/assignee             | form:assignee=           | 403       | 403    | 403       | 302      | 302
					POST     | /reports/{report}/comments             | form:text=Any+news       | 403       | 403    | 302       | 302      | 302
					GET      | /api/reports                           |                          | 401       | 401    | 403       | 200      | 200
					POST     | /api/reports                           | json:{"text": "xpc_error"} | 401     | 401    | 201       | 201      | 201
					GET      | /api/reports/mine                      |                          | 401       | 401    | 200       | 200      | 200
					GET      | /api/reports/{report}                  |                          | 401       | 401    | 200       | 200      | 200
					POST     | /api/reports/{report}/assignee         | json:{"assignee": null}  | 401       | 401    | 403       | 200      | 200
					POST     | /api/reports/{report}/comments         | json:{"text": "Any news"} | 401      | 401    | 201       | 201      | 201
					POST     | /api/reports/{report}/decision         | json:{"action": "shrug"} | 401       | 401    | 403       | 400      | 400
					GET      | /actuator/health                       |                          | 200       | 200    | 200       | 200      | 200
					GET      | /actuator/prometheus                   |                          | 401       | 401    | 403       | 403      | 200
					GET      | /v3/api-docs                           |                          | 200       | 200    | 200       | 200      | 200
					GET      | /swagger-ui/index.html                 |                          | 200       | 200    | 200       | 200      | 200
					GET      | /login                                 |                          | 200       | 200    | 200       | 200      | 200
					POST     | /login                                 | form:username=x&password=y | 403     | 403    | 302       | 302      | 302
					GET      | /signup                                |                          | 200       | 200    | 200       | 200      | 200
					POST     | /signup                                | form:email=new-{uuid}@example.org&password=0123456789ab | 403 | 403 | 400 | 400 | 400
					POST     | /logout                                |                          | 403       | 403    | 302       | 302      | 302
					GET      | /account/tokens                        |                          | 302       | 302    | 200       | 200      | 200
					POST     | /account/tokens                        | form:name=page           | 403       | 403    | 200       | 200      | 200
					POST     | /account/tokens/999999/revoke          |                          | 403       | 403    | 400       | 400      | 400
					GET      | /admin/users                           |                          | 302       | 302    | 403       | 403      | 200
					POST     | /admin/users/{developer}/engineer?grant=false |                   | 403       | 403    | 403       | 403      | 302
					GET      | /admin/audit                           |                          | 302       | 302    | 403       | 403      | 200
					GET      | /api/account                           |                          | 401       | 401    | 200       | 200      | 200
					GET      | /api/account/tokens                    |                          | 401       | 401    | 200       | 200      | 200
					POST     | /api/account/tokens                    | json:{"name": "api"}     | 401       | 401    | 201       | 201      | 201
					DELETE   | /api/account/tokens/999999             |                          | 401       | 401    | 400       | 400      | 400
					GET      | /api/admin/users                       |                          | 401       | 401    | 403       | 403      | 200
					PUT      | /api/admin/users/{developer}/engineer  |                          | 401       | 401    | 403       | 403      | 200
					DELETE   | /api/admin/users/{developer}/engineer  |                          | 401       | 401    | 403       | 403      | 200
					GET      | /api/admin/audit                       |                          | 401       | 401    | 403       | 403      | 200
					GET      | /account/digest                        |                          | 302       | 302    | 200       | 200      | 200
					POST     | /account/digest                        | form:tags=XPC&timeZone=UTC | 403     | 403    | 200       | 200      | 200
					POST     | /account/digest                        | form:timeZone=Mars/Base  | 403       | 403    | 400       | 400      | 400
					GET      | /account/digest/preview?week=2026-W10  |                          | 302       | 302    | 200       | 200      | 200
					GET      | /account/digest/preview?week=2026-W99  |                          | 302       | 302    | 400       | 400      | 400
					POST     | /account/digest/unsubscribe            |                          | 403       | 403    | 302       | 302      | 302
					GET      | /digest/confirm?token=forged.x         |                          | 400       | 400    | 400       | 400      | 400
					POST     | /digest/confirm                        | form:token=forged.x      | 400       | 400    | 400       | 400      | 400
					GET      | /digest/unsubscribe?token=forged.x     |                          | 400       | 400    | 400       | 400      | 400
					POST     | /digest/unsubscribe?token=forged.x     | form:List-Unsubscribe=One-Click | 400 | 400    | 400       | 400      | 400
					GET      | /admin/digest                          |                          | 302       | 302    | 403       | 403      | 200
					POST     | /admin/digest/send                     | form:week=2001-W01       | 403       | 403    | 403       | 403      | 302
					POST     | /admin/digest/deliveries/999999/resend |                          | 403       | 403    | 403       | 403      | 302
					GET      | /admin/mail                            |                          | 302       | 302    | 403       | 403      | 200
					GET      | /api/digest/preview?week=2026-W10      |                          | 401       | 401    | 200       | 200      | 200
					GET      | /api/digest/preview?week=2026-10       |                          | 401       | 401    | 400       | 400      | 400
					GET      | /api/digest/preview?subscription=999999 |                         | 401       | 401    | 403       | 403      | 404
					""")
	void everyEndpointAnswersEachRoleAsExpected(String method, String path, String body, int anonymous, int publicRead,
			int developer, int engineer, int admin) {
		Map<String, Integer> expected = Map.of("developer", developer, "engineer", engineer, "admin", admin);
		// Public reading changes what anonymous callers may do; the signed-in roles are
		// called under both settings where it changes the endpoint's answer, else once.
		boolean signedInUnderBoth = anonymous != publicRead;
		for (Deployment deployment : new Deployment[] { closed, open }) {
			Map<String, Integer> statuses = new LinkedHashMap<>();
			Map<String, Integer> wanted = new LinkedHashMap<>();
			deployment.callers().forEach((role, caller) -> {
				boolean anonymousCaller = "anonymous".equals(role);
				if (anonymousCaller || signedInUnderBoth || deployment == open) {
					statuses.put(role, call(caller, method, fill(path, deployment), fill(body, deployment)).status());
					wanted.put(role,
							anonymousCaller ? (deployment == open ? publicRead : anonymous) : expected.get(role));
				}
			});
			assertThat(statuses).as("%s %s with public-read=%s", method, path, deployment == open).isEqualTo(wanted);
		}
	}

	static Response call(HttpClientSupport caller, String method, String path, String body) {
		if ("files".equals(body)) {
			return caller.upload(path, "one.jsonl", thread());
		}
		if (body != null && body.startsWith("form:")) {
			return caller.send(method, path, "application/x-www-form-urlencoded", body.substring("form:".length()));
		}
		if (body != null && body.startsWith("json:")) {
			return caller.send(method, path, "application/json", body.substring("json:".length()));
		}
		return caller.send(method, path, null, null);
	}

	static String fill(String text, Deployment deployment) {
		if (text == null) {
			return null;
		}
		String filled = text.replace("{uuid}", UUID.randomUUID().toString().substring(0, 8));
		for (Map.Entry<String, String> id : deployment.ids().entrySet()) {
			filled = filled.replace(id.getKey(), id.getValue());
		}
		return filled;
	}

}
