package forumkb.digest;

import static forumkb.digest.Subscribers.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import forumkb.web.Chromium;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * What each subscriber's digest holds, by their filters and role, as received over SMTP
 * by GreenMail after a scheduled run; and the preview (page and API) of the same digests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestContentTests extends WithMailServer {

	WeekCorpus corpus;

	Subscriber everything;

	Subscriber xpcEngineer;

	Subscriber tlsDeveloper;

	Subscriber securityEngineer;

	Subscriber callKit;

	Subscriber callKitSkipping;

	/**
	 * The subscribers of earlier test classes are gone; this class's stay for all its
	 * tests.
	 */
	@BeforeAll
	void subscribeAndRun() {
		everyoneUnsubscribes();
		IsoWeek week = Subscribers.pastWeek();
		corpus = new WeekCorpus(HttpClientSupport.asEngineer(application, port), jdbc, week);
		everything = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings());
		xpcEngineer = Subscribers.subscribed(application, port, MAIL, Role.ENGINEER,
				settings("tags", "xpc", "knownIssues", "#" + corpus.fixedIssue));
		tlsDeveloper = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER,
				settings("errorCodes", "NSURLErrorDomain -1200"));
		securityEngineer = Subscribers.subscribed(application, port, MAIL, Role.ENGINEER,
				settings("frameworks", "Security"));
		callKit = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings("tags", "CallKit"));
		callKitSkipping = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER,
				settings("tags", "CallKit", "skipEmpty", "true"));
		Subscribers.confirmedAt(jdbc, Subscribers.midWeek(week));

		DigestRunner.RunResult result = runner.runDue(Subscribers.sendTime(week).plus(Duration.ofMinutes(30)));

		assertThat(result.count(DigestSender.Outcome.SENT)).isEqualTo(5);
		assertThat(result.count(DigestSender.Outcome.SKIPPED)).isEqualTo(1);
	}

	MimeMessage digest(Subscriber subscriber) {
		List<MimeMessage> mails = MAIL.to(subscriber.email());
		assertThat(mails).as("confirmation and digest").hasSize(2);
		return mails.get(1);
	}

	@Test
	void noFiltersIsEverythingMostActiveFirstWithTrendsUnansweredAndTheRegressionButNoReportsForADeveloper()
			throws Exception {
		MimeMessage mail = digest(everything);
		String text = MailServer.text(mail, "text/plain");

		assertThat(mail.getSubject()).isEqualTo("Regression alert · forumkb digest " + corpus.week + ": 4 new threads");
		assertThat(text).contains("REGRESSION ALERT")
			.contains("NEW THREADS (4)")
			.doesNotContain("An SSL error has occurred")
			.doesNotContain("NEW REPORTS");
		assertThat(text.indexOf("XPC connection interrupted right after resume"))
			.isLessThan(text.indexOf("NEFilterManager saveToPreferences fails"));
		assertThat(text.indexOf("NEFilterManager saveToPreferences fails"))
			.isLessThan(text.indexOf("Secure connection failed after the certificate renewal"));
		assertThat(text).contains("REGRESSION? marked fixed in iOS 18.2: XPC connection interrupted on resume "
				+ "(FIXED, 1 new threads)");
		assertThat(text).as("an archived known issue is gone").doesNotContain("Archived XPC duplicate");
		assertThat(text).contains("NSURLErrorDomain:-1200: 2 / 1 (+100%)")
			.contains("NSCocoaErrorDomain:4097: 1 / 0 (new)");
		assertThat(text.substring(text.indexOf("UNANSWERED")))
			.contains("TLS trust evaluation fails for the pinned host")
			.doesNotContain("Secure connection failed");
		assertThat(text).contains(corpus.link("xpc"));

		String html = MailServer.text(mail, "text/html");
		assertThat(html).contains("href=\"" + corpus.link("xpc") + "\"")
			.contains("src=\"cid:trend-chart\"")
			.contains("Regression alert")
			.doesNotContain("http://localhost");
	}

	@Test
	void theChartIsAnInlinePngPartAndEveryDigestCarriesOneClickUnsubscribeHeaders() throws Exception {
		MimeMessage mail = digest(everything);
		Part chart = MailServer.part(mail, "image/png");
		assertThat(((MimePart) chart).getContentID()).isEqualTo("<trend-chart>");
		assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
		try (InputStream in = chart.getInputStream()) {
			assertThat(in.readNBytes(8)).startsWith(0x89, 'P', 'N', 'G');
		}

		for (Subscriber subscriber : List.of(everything, xpcEngineer, tlsDeveloper, callKit)) {
			MimeMessage digest = digest(subscriber);
			assertThat(digest.getHeader("List-Unsubscribe", null))
				.startsWith("<http://digest.example/digest/unsubscribe?token=")
				.endsWith(">");
			assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		}
	}

	@Test
	void aTagAndAKnownIssueFilterGetTheirThreadsAndForAnEngineerTheReportsTriageTiedToTheIssue() {
		String text = MailServer.text(digest(xpcEngineer), "text/plain");

		assertThat(text).contains("NEW THREADS (1)")
			.contains("XPC connection interrupted right after resume")
			.doesNotContain("NEFilterManager saveToPreferences fails")
			.doesNotContain("TLS trust evaluation");
		assertThat(text).contains("NEW REPORTS (1)")
			.contains("- NEW: XPC interrupted again on 18.3")
			.doesNotContain("TLS -1200 against our pinned host");
		assertThat(text)
			.contains("REGRESSION? marked fixed in iOS 18.2: XPC connection interrupted on resume "
					+ "(FIXED, 1 new threads, 1 new reports)")
			.doesNotContain("Pinned TLS hosts");
	}

	@Test
	void anErrorCodeFilterTypedAsInALogFindsItsThreadsAndTrendsOnly() throws Exception {
		MimeMessage mail = digest(tlsDeveloper);
		String text = MailServer.text(mail, "text/plain");

		assertThat(mail.getSubject()).isEqualTo("forumkb digest " + corpus.week + ": 2 new threads");
		assertThat(text).contains("TLS trust evaluation fails for the pinned host")
			.contains("Secure connection failed after the certificate renewal")
			.doesNotContain("XPC connection interrupted")
			.doesNotContain("REGRESSION")
			.doesNotContain("KNOWN ISSUES");
		assertThat(text).contains("NSURLErrorDomain:-1200: 2 / 1 (+100%)").doesNotContain("NSCocoaErrorDomain:4097");
	}

	@Test
	void aFrameworkFilterGivesAnEngineerTheReportsOfThatFrameworkAndWhereTheyStand() {
		String text = MailServer.text(digest(securityEngineer), "text/plain");

		assertThat(text)
			.contains("- TRIAGED: TLS -1200 against our pinned host since Monday (under Pinned TLS hosts "
					+ "fail with -1200)")
			.doesNotContain("XPC interrupted again");
		assertThat(text).contains("Pinned TLS hosts fail with -1200 (OPEN, 0 new threads, 1 new reports)");
	}

	@Test
	void anEmptyWeekSaysSoBrieflyOrIsSkippedWhenTheSubscriberChoseThat() {
		MimeMessage mail = digest(callKit);
		assertThat(MailServer.text(mail, "text/plain")).contains("Nothing new this week in what you follow.")
			.doesNotContain("NEW THREADS");
		assertThat(MAIL.to(callKitSkipping.email())).as("only the confirmation").hasSize(1);
		assertThat(jdbc.queryForObject(
				"select d.status from digest_delivery d join digest_subscription s "
						+ "on s.id = d.subscription_id where s.user_id = ?",
				String.class, callKitSkipping.account().getId()))
			.isEqualTo("SKIPPED");
	}

	@Test
	void thePreviewApiAnswersWhatWasSentForAnyWeekAndABadWeekIs400() throws Exception {
		Response preview = everything.http().get("/api/digest/preview?week=" + corpus.week);
		assertThat(preview.status()).isEqualTo(200);
		JsonNode body = preview.json();
		assertThat(body.get("week").asString()).isEqualTo(corpus.week.toString());
		assertThat(body.get("content").get("newThreadCount").asInt()).isEqualTo(4);
		assertThat(body.get("text").asString()).isEqualTo(MailServer.text(digest(everything), "text/plain"));
		assertThat(body.get("html").asString()).contains("src=\"data:image/png;base64,");

		Response empty = everything.http().get("/api/digest/preview?week=2001-W01");
		assertThat(empty.json().get("empty").asBoolean()).isTrue();

		for (String bad : List.of("2026-W54", "2026-13", "next%20week")) {
			Response refused = everything.http().get("/api/digest/preview?week=" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("status").asInt()).isEqualTo(400);
			assertThat(refused.json().get("message").asString()).isNotBlank();
		}
	}

	@Test
	void onlyAnAdminPreviewsSomeoneElsesSubscription() {
		long engineers = jdbc.queryForObject("select id from digest_subscription where user_id = ?", Long.class,
				xpcEngineer.account().getId());
		Response refused = everything.http()
			.get("/api/digest/preview?week=" + corpus.week + "&subscription=" + engineers);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("message").asString()).contains("admins");

		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		Response chosen = admin.get("/api/digest/preview?week=" + corpus.week + "&subscription=" + engineers);
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.json().get("text").asString()).isEqualTo(MailServer.text(digest(xpcEngineer), "text/plain"));

		Response page = admin.get("/account/digest/preview?week=" + corpus.week + "&subscription=" + engineers);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("XPC connection interrupted right after resume").contains(xpcEngineer.email());
	}

	/**
	 * The HTML part as a mail client shows it, its cid: chart resolved to the attached
	 * PNG; screenshots digest-email.png.
	 */
	@Test
	void theHtmlDigestInABrowser() throws Exception {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		MimeMessage mail = digest(xpcEngineer);
		Part chart = MailServer.part(mail, "image/png");
		String png;
		try (InputStream in = chart.getInputStream()) {
			png = Base64.getEncoder().encodeToString(in.readAllBytes());
		}
		Path page = Files.createTempFile("digest", ".html");
		Files.writeString(page,
				MailServer.text(mail, "text/html").replace("cid:trend-chart", "data:image/png;base64," + png));
		ChromeDriver browser = Chromium.start(760);
		try {
			browser.get(page.toUri().toString());
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your forumkb week: " + corpus.week);
			assertThat(browser.findElement(By.cssSelector(".digest-alert")).isDisplayed()).isTrue();
			assertThat(((Number) browser.executeScript("return document.querySelector('img').naturalWidth")).intValue())
				.isEqualTo(TrendChart.WIDTH);
			Chromium.screenshot(browser, 760, "digest-email.png");
		}
		finally {
			browser.quit();
			Files.delete(page);
		}
	}

}
