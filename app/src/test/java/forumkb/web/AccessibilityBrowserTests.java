package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import forumkb.DemoCorpus;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Everyone can use it: axe-core (Deque's build, injected by the test) finds no serious or
 * critical violation on the main pages, anonymous and signed in as an admin, at desktop
 * width (where the header's Sign out stays on one line), at phone width (400 px, where
 * nothing scrolls sideways) and in dark mode. Also: the search box submits on Enter, and
 * code in posts is highlighted.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	static final int PHONE = 400;

	/** The axe rules a narrower layout can change the outcome of (see {@link #scan}). */
	static final List<String> LAYOUT_RULES = List.of("color-contrast", "scrollable-region-focusable");
	static final List<String> ANONYMOUS_PAGES = List.of("/", "/threads", "/search?q=XPC", "/search?q=Code%3D4097",
			"/triage", "/known-issues", "/login", "/signup", "/no-such-page");

	/**
	 * What an admin sees that no one else does; the home page differs from the anonymous
	 * one only in the header, which every page here shows.
	 */
	static final List<String> ADMIN_PAGES = List.of("/triage", "/reports", "/ingest", "/known-issues/new",
			"/account/digest", "/account/tokens", "/admin/users", "/admin/audit", "/admin/digest", "/reports/mine",
			"/admin/mail");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	ChromeDriver browser;

	WebDriverWait wait;

	String axe;

	long threadWithCode;

	@BeforeAll
	void ingestDemoCorpusAndStartChromium() throws Exception {
		assumeTrue(Chromium.available(), "no Chromium at " + Chromium.BINARY);
		DemoCorpus.ingest(application, port);
		// The NEFilterManager thread whose posts have Swift code.
		threadWithCode = DemoCorpus.threadId(application, "900112");
		try (InputStream in = new ClassPathResource("axe.min.js").getInputStream()) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		browser = Chromium.shared(1280);
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@Test
	void mainPagesHaveNoSeriousViolationsAtDesktopPhoneWidthAndInDarkMode() {
		List<String> anonymous = new ArrayList<>(ANONYMOUS_PAGES);
		anonymous.add("/threads/" + threadWithCode);
		List<String> problems = new ArrayList<>(scan(anonymous));

		signInAsAdmin();
		problems.addAll(scan(ADMIN_PAGES));

		assertThat(problems).isEmpty();
	}

	@Test
	void theSearchBoxSubmitsOnEnterAndShiftEnterIsANewline() {
		browser.get(url("/"));
		WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("home-q")));
		box.sendKeys("Code=4097");
		box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
		box.sendKeys("NSXPCConnection");
		assertThat(box.getDomProperty("value")).isEqualTo("Code=4097\nNSXPCConnection");
		box.sendKeys(Keys.ENTER);

		wait.until(ExpectedConditions.urlContains("/search?q="));
		assertThat(browser.findElement(By.cssSelector("textarea[name=q]")).getDomProperty("value"))
			.isEqualTo("Code=4097\nNSXPCConnection");
	}

	/**
	 * On a phone the hits come first and the facets after them, as a forum's sidebar
	 * does; on a wide screen the facets sit left of the hits.
	 */
	@Test
	void atPhoneWidthSearchHitsComeBeforeTheFacets() {
		emulate(PHONE, true, "light");
		browser.get(url("/search?q=XPC"));
		WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.hit")));
		assertThat(hit.getRect().getY())
			.isLessThan(browser.findElement(By.cssSelector("aside.facets")).getRect().getY());
		emulate(1280, false, "light");
		browser.navigate().refresh();
		WebElement wideHit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.hit")));
		assertThat(browser.findElement(By.cssSelector("aside.facets")).getRect().getX())
			.isLessThan(wideHit.getRect().getX());
	}

	@Test
	void codeInPostsIsHighlightedUnderTheContentSecurityPolicy() {
		browser.get(url("/threads/" + threadWithCode));
		wait.until(driver -> !driver.findElements(By.cssSelector(".markdown pre code.hljs .hljs-keyword")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".markdown pre code.language-swift")).getDomAttribute("class"))
			.contains("hljs");
	}

	/**
	 * Each page at desktop width, at phone width, and in dark mode: what axe and the
	 * width find. Every rule runs at desktop width; the other two states run the rules
	 * they can change. Dark mode changes only colours, so only contrast; the phone
	 * stylesheet changes only layout (no colour, nothing shown or hidden), so the rules
	 * whose outcome depends on where things fall: contrast (what overlaps what) and
	 * scrollable regions (the report queue scrolls inside itself there). The page loads
	 * once and the width and colour scheme change in place, as when a reader turns a
	 * phone or the system switches to dark; axe, injected once per load, scans each
	 * state.
	 */
	List<String> scan(List<String> paths) {
		List<String> problems = new ArrayList<>();
		for (String path : paths) {
			emulate(1280, false, "light");
			load(path);
			problems.addAll(violations(path, "desktop", List.of()));
			long signOutLines = (Long) browser.executeScript("""
					const button = document.querySelector('header.top .who button');
					if (!button) return 0;
					const text = document.createRange();
					text.selectNodeContents(button);
					return text.getClientRects().length;""");
			if (signOutLines > 1) {
				problems.add(path + " at desktop width: Sign out wraps onto " + signOutLines + " lines");
			}
			emulate(PHONE, true, "light");
			problems.addAll(violations(path, "400 px", LAYOUT_RULES));
			long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
			if (scrollWidth > PHONE) {
				problems.add(path + " at 400 px: " + scrollWidth + " px wide, scrolls sideways");
			}
			emulate(1280, false, "dark");
			problems.addAll(violations(path, "dark", List.of("color-contrast")));
		}
		emulate(1280, false, "light");
		return problems;
	}

	void load(String path) {
		browser.get(url(path));
		wait.until(driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
		browser.executeScript(axe);
	}

	/**
	 * What axe finds on the page as it is now: the given rules, or every rule when none
	 * are given. A failed run (axe refuses to start while another runs, for one) is
	 * reported, rather than leaving the script to time out.
	 */
	@SuppressWarnings("unchecked")
	List<String> violations(String path, String mode, List<String> onlyRules) {
		Object found = browser.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const only = arguments[0];
						const options = only.length ? {runOnly: only, resultTypes: ['violations']} : {resultTypes: ['violations']};
						axe.run(document, options).then(results => done(results.violations
						    .filter(v => v.impact === 'serious' || v.impact === 'critical')
						    .map(v => ({id: v.id, help: v.help, where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))),
						  failure => done('axe failed: ' + failure));
						""",
				onlyRules);
		if (found instanceof String failure) {
			return List.of(path + " (" + mode + "): " + failure);
		}
		return ((List<Map<String, Object>>) found).stream()
			.map(v -> path + " (" + mode + "): " + v.get("id") + " – " + v.get("help") + " at " + v.get("where"))
			.toList();
	}

	/**
	 * Emulates the width and colour scheme and waits until the page shows them: the
	 * viewport and media queries of a loaded page follow a frame later.
	 */
	void emulate(int width, boolean mobile, String colorScheme) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", mobile));
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
		wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
				"return window.innerWidth === arguments[0] && matchMedia('(prefers-color-scheme: ' + arguments[1] + ')').matches",
				width, colorScheme)));
	}

	void signInAsAdmin() {
		String email = TestAccounts.account(application, Role.ADMIN).getEmail();
		browser.get(url("/login"));
		wait.until(ExpectedConditions.elementToBeClickable(By.name("username"))).sendKeys(email);
		browser.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}
