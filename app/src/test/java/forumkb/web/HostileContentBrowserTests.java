package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.HttpClientSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thread whose title and posts carry script tags, event handlers and
 * {@code javascript:} links is inert in a real browser: on its page and in search results
 * nothing runs, no alert opens, and the markup shows as text.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentBrowserTests {

	static final String PAYLOAD = "<script>window.pwned=1;alert(1)</script> <img src=x onerror=\"window.pwned=1;alert(2)\">"
			+ " <a href=\"javascript:window.pwned=1\">click me</a> [docs](javascript:window.pwned=1)"
			+ " <svg onload=\"window.pwned=1\"></svg> \"><iframe src=\"javascript:window.pwned=1\"></iframe>"
			+ " NSXPCConnectionInterrupted hostilemarker";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	ChromeDriver browser;

	long threadId;

	@BeforeAll
	void ingestAHostileThreadAndStartChromium() {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		HttpClientSupport http = HttpClientSupport.asEngineer(application, port);
		ObjectNode thread = JsonNodeFactory.instance.objectNode()
			.put("source", "hostile")
			.put("externalId", "1")
			.put("url", "javascript:window.pwned=1")
			.put("title", "<img src=x onerror=\"window.pwned=1\"> hostilemarker title");
		thread.putArray("tags").add("<script>window.pwned=1</script>");
		thread.putArray("posts").addObject().put("body", PAYLOAD);
		thread.withArray("posts").addObject().put("body", "reply " + PAYLOAD).put("role", "answer");
		assertThat(http.upload("/api/ingest", "hostile.jsonl", thread.toString()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> http.get("/api/search?q=hostilemarker").json().get("total").asLong() >= 1);
		threadId = http.get("/api/search?q=hostilemarker").json().get("hits").get(0).get("id").asLong();
		browser = Chromium.shared(1280);
	}

	@Test
	void theThreadPageIsInert() {
		open("/threads/" + threadId);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("<img src=x onerror=");
		assertThat(texts("article.post .body")).anySatisfy(body -> assertThat(body).contains("<script>window.pwned=1"));
		assertInert();
	}

	@Test
	void searchResultsAreInert() {
		open("/search?q=hostilemarker");
		assertThat(texts("article.hit h2 a")).anySatisfy(title -> assertThat(title).contains("onerror"));
		assertInert();
		open("/search?q=" + java.net.URLEncoder.encode("<script>window.pwned=1</script>",
				java.nio.charset.StandardCharsets.UTF_8));
		assertInert();
	}

	@Test
	void theThreadListIsInert() {
		open("/");
		assertInert();
	}

	void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	void assertInert() {
		assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(browser.executeScript("return typeof window.pwned")).isEqualTo("undefined");
		assertThat(browser.findElements(By.cssSelector("script:not([src]), [onerror], [onload], iframe, svg[onload]")))
			.isEmpty();
		List<String> hrefs = browser.findElements(By.cssSelector("a[href]"))
			.stream()
			.map(a -> a.getDomAttribute("href"))
			.toList();
		assertThat(hrefs).noneMatch(href -> href.strip().toLowerCase().startsWith("javascript:"));
		for (WebElement link : browser.findElements(By.cssSelector("a[href^='http']"))) {
			if (!link.getDomAttribute("href").startsWith("http://localhost:" + port)) {
				assertThat(link.getDomAttribute("rel")).contains("nofollow").contains("noopener");
			}
		}
	}

	List<String> texts(String css) {
		return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

}
