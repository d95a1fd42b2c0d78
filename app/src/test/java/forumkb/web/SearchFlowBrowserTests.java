package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.DemoCorpus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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
 * The main flow in a real browser (the system's headless Chromium): search, refine by a
 * facet, open a thread, follow an entity chip. Screenshots search-page.png and
 * thread-page.png (see {@link Chromium#screenshot}).
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFlowBrowserTests {

	static final int WIDTH = 1280;
	static final Pattern FIELD_QUERY = Pattern.compile("[?&]q=(code|api|error|framework|entitlement|service):");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeAll
	void ingestDemoCorpusAndStartChromium() throws Exception {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		DemoCorpus.ingest(application, port);
		browser = Chromium.shared(WIDTH);
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@Test
	void searchRefineByFacetOpenAThreadAndFollowAChip() throws Exception {
		browser.get("http://localhost:" + port + "/search");
		WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name=q]")));
		box.sendKeys("NEFilterManager saveToPreferences");
		submit(By.cssSelector("form.searchbox button[type=submit]"));

		List<String> titles = texts("article.hit h2 a");
		assertThat(titles).isNotEmpty().allSatisfy(title -> assertThat(title).isNotBlank());
		assertThat(titles.getFirst()).contains("NEFilterManager");
		assertThat(browser.findElements(By.cssSelector("article.hit .snippet mark"))).isNotEmpty();
		long before = resultCount();
		screenshot("search-page.png");

		submit(By.cssSelector("section.facet[data-facet=tag] li a"));
		assertThat(query()).contains("tag:");
		assertThat(resultCount()).isPositive().isLessThanOrEqualTo(before);

		String title = browser.findElement(By.cssSelector("article.hit h2 a")).getText();
		click(By.cssSelector("article.hit h2 a"));
		wait.until(ExpectedConditions.urlContains("/threads/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(browser.findElements(By.cssSelector("article.post"))).hasSizeGreaterThan(1);
		assertThat(texts("article.post.accepted .badge")).contains("accepted answer");
		assertThat(texts("section.entities .chip.entity")).isNotEmpty();
		screenshot("thread-page.png");

		if (browser.findElements(By.cssSelector("section.entities a.chip.entity")).isEmpty()) {
			browser.navigate().back();
		}
		WebElement chip = fieldChip();
		String chipText = chip.getText();
		click(chip);
		wait.until(ExpectedConditions.urlContains("/search"));
		assertThat(query()).matches("(code|api|error|framework|entitlement|service):\\S.*")
			.contains(chipText.contains(" ") ? "\"" + chipText + "\"" : chipText);
		assertThat(resultCount()).isPositive();
		assertThat(texts("article.hit h2 a")).isNotEmpty();
	}

	@Test
	void activeFiltersAreRemovableChipsAndFilterHelpOpensWithExamples() {
		browser.get("http://localhost:" + port + "/search?q=" + "saveToPreferences+has%3Aanswer+after%3A2024");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.results .summary")));
		assertThat(texts(".active-filters .chip.filter > span")).containsExactly("has:answer", "after:2024");
		long filtered = resultCount();

		WebElement help = browser.findElement(By.id("filter-help"));
		assertThat(help.isDisplayed()).isFalse();
		browser.findElement(By.cssSelector("button[popovertarget=filter-help]")).click();
		wait.until(ExpectedConditions.visibilityOf(help));
		assertThat(help.getText()).contains("code:-1200").contains("tag:\"Network Extension\"").contains("before:2026");
		help.findElement(By.cssSelector("button[popovertargetaction=hide]")).click();
		wait.until(ExpectedConditions.invisibilityOf(help));

		click(By.cssSelector(".active-filters a[aria-label='remove filter has:answer']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.results .summary")));
		assertThat(query()).isEqualTo("saveToPreferences after:2024");
		assertThat(texts(".active-filters .chip.filter > span")).containsExactly("after:2024");
		assertThat(resultCount()).isGreaterThan(filtered);
	}

	/** Clicks what leads to a results page and waits until the new one has loaded. */
	void submit(By target) {
		click(browser.findElement(target));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.results .summary")));
	}

	void click(By target) {
		click(wait.until(ExpectedConditions.elementToBeClickable(target)));
	}

	/** Clicks and waits until the page it was on is gone. */
	void click(WebElement element) {
		element.click();
		wait.until(ExpectedConditions.stalenessOf(element));
	}

	/**
	 * The first entity chip, on the thread page or else on the results, whose link is a
	 * field filter.
	 */
	WebElement fieldChip() {
		return wait.until(driver -> driver.findElements(By.cssSelector("a.chip.entity"))
			.stream()
			.filter(a -> FIELD_QUERY.matcher(URLDecoder.decode(a.getDomAttribute("href"), StandardCharsets.UTF_8))
				.find())
			.findFirst()
			.orElse(null));
	}

	String query() {
		return browser.findElement(By.cssSelector("textarea[name=q]")).getDomProperty("value");
	}

	long resultCount() {
		String summary = browser.findElement(By.cssSelector("section.results .summary span")).getText();
		return Long.parseLong(summary.replace(",", "").replaceAll("\\D.*", ""));
	}

	List<String> texts(String css) {
		return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	/**
	 * A full-page PNG, {@value #WIDTH} CSS pixels wide (see {@link Chromium#screenshot}
	 * for where).
	 */
	void screenshot(String name) throws Exception {
		Chromium.screenshot(browser, WIDTH, name);
	}

}
