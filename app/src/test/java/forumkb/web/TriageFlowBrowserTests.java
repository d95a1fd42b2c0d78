package forumkb.web;

import forumkb.DemoApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.DemoCorpus;
import forumkb.TestAccounts;
import forumkb.account.Account;
import forumkb.account.Role;
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

/**
 * Triage in a real browser on the demo corpus and known issues: a developer pastes an
 * error, suggestions appear while typing, the report is submitted; an engineer confirms
 * the suggested known issue from the queue; the developer sees it triaged under My
 * reports, and an admin reads the mail that told them in the mail catcher. Screenshots
 * triage-page.png, report-queue.png, report-page.png, my-reports.png and mail-catcher.png
 * (see {@link Chromium#screenshot}).
 */
@DemoApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageFlowBrowserTests {

	static final int WIDTH = 1280;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeAll
	void demoAndChromium() {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		DemoCorpus.ingest(application, port);
		browser = Chromium.shared(WIDTH);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@Test
	void pasteSeeSuggestionsSubmitAndAnEngineerConfirms() throws Exception {
		Account developer = TestAccounts.account(application, Role.DEVELOPER);
		signIn(developer.getEmail());
		browser.get(url("/triage"));
		WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("text")));
		text.sendKeys("<NSXPCConnection: 0x6000> connection to service named com.acme.agent: Exception caught during "
				+ "decoding of reply to message 'scanWithReply:'\nError Domain=NSCocoaErrorDomain Code=4864 "
				+ "\"Exception while decoding argument 0 (#2 of invocation)\"");
		WebElement first = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li.suggestion h2 a")));
		assertThat(first.getText()).contains("NSXPCConnection rejects");
		assertThat(browser.findElement(By.cssSelector("#suggestions .verdict")).getText()).contains("Confident match");
		assertThat(browser.findElement(By.cssSelector("#suggestions li.suggestion .why")).getText())
			.contains("NSCocoaErrorDomain:4864");
		browser.findElement(By.name("description")).sendKeys("Scanner reply never arrives from the XPC service");
		browser.findElement(By.name("osVersion")).sendKeys("15.1");
		Chromium.screenshot(browser, WIDTH, "triage-page.png");
		click(By.id("submit-report"));
		wait.until(ExpectedConditions.urlMatches("/reports/\\d+$"));
		String report = browser.getCurrentUrl();
		String reportPath = report.substring(report.indexOf("/reports/"));
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("NEW");
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText()).contains("submitted");
		assertThat(browser.findElements(By.cssSelector("button.confirm"))).isEmpty();

		signOut();
		Account engineer = TestAccounts.account(application, Role.ENGINEER);
		signIn(engineer.getEmail());
		browser.get(url("/reports?status=new"));
		Chromium.screenshot(browser, WIDTH, "report-queue.png");
		click(By.cssSelector("table.reports a[href='" + reportPath + "']"));
		click(By.cssSelector("button.confirm"));
		wait.until(ExpectedConditions.textToBe(By.id("report-status"), "TRIAGED"));
		assertThat(browser.findElement(By.cssSelector("p.meta")).getText()).contains("CONFIRMED",
				"NSXPCConnection rejects");
		Chromium.screenshot(browser, WIDTH, "report-page.png");

		signOut();
		signIn(developer.getEmail());
		browser.get(url("/reports/mine"));
		WebElement mine = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//table[@class='reports']//tr[td/a[@href='" + reportPath + "']]")));
		assertThat(mine.getText()).contains("Scanner reply never arrives", "TRIAGED");
		Chromium.screenshot(browser, WIDTH, "my-reports.png");

		signOut();
		signIn(TestAccounts.account(application, Role.ADMIN).getEmail());
		browser.get(url("/admin/mail"));
		// No SMTP server in this application: the decision mail to the developer was
		// caught.
		assertThat(browser.findElement(By.cssSelector("article.caught-mail")).getText())
			.contains("To " + developer.getEmail(), "Scanner reply never arrives");
		Chromium.screenshot(browser, WIDTH, "mail-catcher.png");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String email) {
		browser.get(url("/login"));
		wait.until(ExpectedConditions.elementToBeClickable(By.name("username"))).sendKeys(email);
		browser.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
		click(By.cssSelector("form button[type=submit]"));
	}

	void signOut() {
		click(By.cssSelector("header.top .who button"));
	}

	/** Clicks and waits until the page it was on is gone. */
	void click(By target) {
		WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
		element.click();
		wait.until(ExpectedConditions.stalenessOf(element));
	}

}
