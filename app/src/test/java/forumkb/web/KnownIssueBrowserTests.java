package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.knownissue.KnownIssueService;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An engineer curates a known issue in a real browser: finds a thread by searching and
 * links it, deletes the issue after confirming and undoes it; an ingest run links the
 * threads it brought in. Screenshots known-issue-page.png and ingest-run.png (see
 * {@link Chromium#screenshot}).
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownIssueBrowserTests {

	static final int WIDTH = 1280;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport engineer;

	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeAll
	void demoAndChromium() throws Exception {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		engineer = DemoCorpus.ingest(application, port);
		browser = Chromium.shared(WIDTH);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(url("/login"));
		wait.until(ExpectedConditions.elementToBeClickable(By.name("username")))
			.sendKeys(TestAccounts.account(application, Role.ENGINEER).getEmail());
		browser.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	@Test
	void anEngineerLinksAThreadFoundBySearchDeletesAfterConfirmingAndUndoes() throws Exception {
		long filterThread = jdbc.queryForObject("select id from thread where external_id = '900112'", Long.class);
		long id = engineer.postJson("/api/known-issues", """
				{"title": "Content filter never saves its configuration", "status": "workaround",
				 "symptom": "NEFilterManager saveToPreferences never calls its completion handler.",
				 "workaround": "Call loadFromPreferences first and save from the main queue.",
				 "platforms": ["macOS"], "versions": "14.0 to 15.1",
				 "signature": [{"kind": "api-type", "value": "NEFilterManager"},
				               {"kind": "phrase", "value": "never calls its completion handler"}],
				 "threadIds": [%d]}""".formatted(filterThread)).json().get("id").asLong();
		application.getBean(KnownIssueService.class)
			.strengthen(id, "NEFilterManager saveToPreferences hangs, NEFilterErrorDomain Code=5", "test");
		jdbc.update("""
				insert into report (text, description, known_issue_id, resolution, status, triaged_by, triaged_at)
				values ('NEFilterManager hangs', 'Filter settings never save on macOS 15.1', ?, 'CONFIRMED',
				        'TRIAGED', 'engineer@example.com', now())""", id);

		browser.get(url("/known-issues/" + id));
		browser.findElement(By.id("link-find")).sendKeys("saveToPreferences hangs");
		click(By.cssSelector("#link-thread button"));
		WebElement link = wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("ul.found form button[aria-label*='saveToPreferences hangs']")));
		Chromium.screenshot(browser, WIDTH, "known-issue-page.png");
		link.click();
		wait.until(ExpectedConditions.stalenessOf(link));
		assertThat(browser.findElements(By.cssSelector("ul.linked:not(.found) li a[href^='/threads/']"))).hasSize(2);

		click(By.linkText("Delete this known issue…"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Delete this known issue?");
		click(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Deleted “Content filter never saves its configuration”");
		assertThat(browser.findElements(By.linkText("Content filter never saves its configuration"))).isEmpty();
		click(By.xpath("//button[text()='Undo']"));
		assertThat(browser.getCurrentUrl()).endsWith("/known-issues/" + id);
		assertThat(browser.findElements(By.cssSelector("[role=status]"))).isEmpty();
		browser.get(url("/known-issues"));
		assertThat(browser.findElements(By.linkText("Content filter never saves its configuration"))).hasSize(1);
	}

	@Test
	void anIngestRunLinksTheThreadsItBroughtIn() throws Exception {
		StringBuilder lines = new StringBuilder();
		for (String title : new String[] { "NWConnection stays in preparing after sleep",
				"NEDNSProxyProvider handleNewFlow never called on macOS 15",
				"URLSession background task lost after app update" }) {
			lines.append("""
					{"source": "apple-developer-forums", "externalId": "run-page-%d", "title": "%s",
					 "posts": [{"body": "%s"}]}
					""".formatted(lines.length(), title, title).replace("\n", " ")).append('\n');
		}
		long run = engineer.upload("/api/ingest", "forum-export.jsonl", lines.toString()).json().get("id").asLong();

		browser.get(url("/ingest/runs/" + run));
		assertThat(browser.findElements(By.cssSelector("ol.run-threads li"))).hasSize(3);
		Chromium.screenshot(browser, WIDTH, "ingest-run.png");
		click(By.cssSelector("ol.run-threads li a"));
		assertThat(browser.getCurrentUrl()).matches(".*/threads/\\d+");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
	}

	/** Clicks and waits until the page it was on is gone. */
	void click(By target) {
		WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
		element.click();
		wait.until(ExpectedConditions.stalenessOf(element));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}
