package forumkb.web;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.DemoCorpus;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pages as a newcomer meets them, over HTTP: the first page, the thread list, a
 * thread's Markdown, and the error pages (404 for anyone, a 403 that says why, the
 * signed-in header). Shares the browser tests' context (and its demo corpus).
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesTests {

	/**
	 * A post in forum Markdown with everything a hostile or careless author might put in.
	 */
	static final String MARKDOWN_THREAD = """
			{"source": "portal-test", "externalId": "markdown-1", "title": "Portal markdown thread",
			 "tags": ["Portal Tag"], "replies": 1, "views": 3, "lastActivityAt": "2025-03-04T10:00:00Z",
			 "posts": [{"author": "dev", "role": "question", "body": "# Heading in a post\\n\\nIt fails:\\n\\n```swift\\nlet x = try decoder.decode(T.self)\\n```\\n\\n<script>alert(1)</script> and <b>bold</b>\\n[bad](javascript:alert(1)) [good](https://example.org/doc) ![shot](https://example.org/a.png)\\nline one\\nline two"},
			           {"author": "dts", "role": "answer", "accepted": true, "body": "Use `decodeIfPresent`."}]}
			"""
		.replace("\n", " ")
		.strip();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	HttpClientSupport anonymous;

	long markdownThread;

	@BeforeAll
	void ingest() throws Exception {
		anonymous = new HttpClientSupport(port);
		HttpClientSupport engineer = DemoCorpus.ingest(application, port);
		StringBuilder lines = new StringBuilder(MARKDOWN_THREAD);
		for (int i = 0; i < 60; i++) {
			lines.append("\n{\"source\": \"portal-test\", \"externalId\": \"more-")
				.append(i)
				.append("\", \"title\": \"Portal list filler ")
				.append(i)
				.append("\", \"posts\": [{\"body\": \"filler\"}]}");
		}
		engineer.upload("/api/ingest", "portal.jsonl", lines.toString());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> engineer.get("/api/search?q=%22Portal+markdown+thread%22").json().get("total").asLong() > 0);
		markdownThread = engineer.get("/api/search?q=%22Portal+markdown+thread%22")
			.json()
			.get("hits")
			.get(0)
			.get("id")
			.asLong();
	}

	@Test
	void theFirstPageSaysWhatThisIsAndOffersSearchTriageRecentAndUnansweredThreads() {
		Response home = anonymous.getPage("/");

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Find the forum thread or known issue behind an error")
			.contains("<label for=\"home-q\">")
			.contains("id=\"home-q\" name=\"q\"")
			.contains("data-submit-on-enter")
			.contains("action=\"/search\"")
			.contains("href=\"/triage\">Paste an error</a>")
			.contains("<h2>Recent threads</h2>")
			.contains("<h2>Unanswered</h2>")
			.contains("✓ answered")
			.contains("no accepted answer")
			.contains("href=\"/threads\">All threads")
			.containsPattern("<time class=\"date\" datetime=\"\\d{4}-\\d{2}-\\d{2}T");
		assertThat(home.body()).as("tags link to a search filtered by the tag")
			.containsPattern("<a class=\"chip\" href=\"/search\\?q=tag:[^\"]+\">");
		assertThat(section(home.body(), "Unanswered")).doesNotContain("✓ answered").contains("no accepted answer");
	}

	@Test
	void threadsIsThePagedListAndAPagePastTheEndShowsTheLast() {
		Response first = anonymous.getPage("/threads");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("<h1>Threads</h1>")
			.contains("class=\"thread-list\"")
			.containsPattern("page 1 of ([2-9]|[1-9]\\d+)\\b")
			.contains("href=\"/threads?page=1\"");

		Response past = anonymous.getPage("/threads?page=9999");
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.body()).containsPattern("page ([2-9]|[1-9]\\d+) of \\1\\b")
			.contains("rel=\"prev\"")
			.doesNotContain("rel=\"next\"");
	}

	@Test
	void aThreadRendersMarkdownSafelyWithAnchorsAndAJumpToTheAcceptedAnswer() {
		Response page = anonymous.getPage("/threads/" + markdownThread);

		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body)
			.contains("<pre tabindex=\"0\"><code class=\"language-swift\">let x = try decoder.decode(T.self)")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;b&gt;bold&lt;/b&gt;")
			.contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/doc\">good</a>")
			.contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/a.png\">shot</a>")
			.contains("href=\"/search?q=tag:%22Portal%20Tag%22\">Portal Tag</a>")
			.contains("line one<br>")
			.contains("<code>decodeIfPresent</code>")
			.contains("<h3>Heading in a post</h3>")
			.contains("id=\"post-1\"")
			.contains("id=\"post-2\"")
			.contains("href=\"#post-2\">Jump to the accepted answer")
			.containsPattern("src=\"/webjars/highlightjs/[^\"]*highlight\\.min\\.js\"")
			.contains("src=\"/assets/js/highlight-code.js\"")
			.contains("1 reply · 3 views");
		assertThat(body).doesNotContain("<script>alert")
			.doesNotContain("1 replies")
			.doesNotContain("boosts")
			.doesNotContain("javascript:")
			.doesNotContain("<img")
			.doesNotContain("<b>bold");
		assertThat(Pattern.compile("<h1[ >]").matcher(body).results().count()).isEqualTo(1);

		// The minified build: a third of the full one's 335 kB.
		assertThat(anonymous.get("/webjars/highlightjs/highlight.min.js").body()).contains("hljs")
			.hasSizeLessThan(150_000);
		assertThat(anonymous.get("/assets/js/highlight-code.js").body()).contains("hljs.highlightElement");
	}

	@Test
	void anySearchAndTheKnownIssuesAreAtomFeedsThePagesLinkTo() throws Exception {
		Response feed = anonymous.get("/api/search/feed?q=NEFilterManager");
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("application/atom+xml");
		Element root = atom(feed.body());
		assertThat(text(root, "title")).isEqualTo("forumkb search: NEFilterManager");
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isPositive();
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < entries.getLength(); i++) {
			titles.add(text((Element) entries.item(i), "title"));
		}
		assertThat(titles).anyMatch(title -> title.contains("NEFilterManager"));
		Element entry = (Element) entries.item(0);
		assertThat(text(entry, "id")).matches("http://localhost:\\d+/threads/\\d+");
		assertThat(text(entry, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(anonymous.getPage("/search?q=NEFilterManager").body())
			.containsPattern("<link rel=\"alternate\" type=\"application/atom\\+xml\" "
					+ "href=\"http://localhost:\\d+/api/search/feed\\?q=NEFilterManager\"");

		HttpClientSupport engineer = HttpClientSupport.asEngineer(application, port);
		engineer.postJson("/api/known-issues", """
				{"title": "Feed <issue> & co", "symptom": "saveToPreferences never calls back",
				 "workaround": "load first", "status": "open"}""");
		Response issues = anonymous.get("/api/known-issues/feed");
		assertThat(issues.status()).isEqualTo(200);
		NodeList issueEntries = atom(issues.body()).getElementsByTagNameNS(ATOM, "entry");
		titles.clear();
		for (int i = 0; i < issueEntries.getLength(); i++) {
			titles.add(text((Element) issueEntries.item(i), "title"));
		}
		assertThat(titles).contains("Feed <issue> & co (Open)");
		assertThat(anonymous.getPage("/known-issues").body()).containsPattern(
				"<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"http://localhost:\\d+/api/known-issues/feed\"");
	}

	static final String ATOM = "http://www.w3.org/2005/Atom";

	/**
	 * The feed's root element, parsed as XML: a feed that is not well-formed fails here.
	 */
	static Element atom(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(text(root, "id")).startsWith("http://localhost:");
		assertThat(text(root, "updated")).isNotBlank();
		return root;
	}

	/** The text of the first child element named {@code name}. */
	static String text(Element parent, String name) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && ATOM.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				return element.getTextContent();
			}
		}
		throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
	}

	@Test
	void anUnknownAddressIsA404PageForAnyoneWithoutFrameworkTextAlsoOnTheApi() {
		for (String path : new String[] { "/no-such-page", "/threads/abc", "/threads/999999999", "/threads/1/x" }) {
			Response missing = anonymous.getPage(path);
			assertThat(missing.status()).as(path).isEqualTo(404);
			assertThat(missing.header("Location")).as(path).isNull();
			assertThat(missing.body()).as(path)
				.contains("<h1>Page not found</h1>")
				.contains("lang=\"en\"")
				.doesNotContain("No static resource")
				.doesNotContain("Failed to convert")
				.doesNotContain("java.lang");
		}
		Response api = anonymous.get("/api/threads");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.json().get("message").asString()).isEqualTo(ApiExceptionHandler.NO_SUCH_ADDRESS);
	}

	/**
	 * Accounts, tokens and the audit log show dates as people read them, not 2026-…T…Z.
	 */
	@Test
	void adminAndAccountPagesShowReadableDates() {
		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		for (String path : new String[] { "/admin/users", "/admin/audit", "/account/tokens" }) {
			String body = admin.getPage(path).body();
			assertThat(body).as(path)
				.containsPattern(">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)?</time>")
				.doesNotContainPattern(">\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
		}
	}

	@Test
	void signedInErrorPagesKeepTheHeaderAndA403SaysWhy() throws Exception {
		String email = TestAccounts.account(application, Role.DEVELOPER).getEmail();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = page(browser, "/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> missing = page(browser, "/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Page not found</h1>")
			.contains(email)
			.contains("Sign out")
			.doesNotContain("No static resource");

		HttpResponse<String> refused = page(browser, "/reports");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("<h1>Not allowed</h1>")
			.contains("This page is for engineers and admins")
			.contains("Sign out")
			.contains("You are signed in as " + email);
		assertThat(page(browser, "/admin/users").body()).contains("This page is for admins");
	}

	HttpResponse<String> page(HttpClient browser, String path) throws Exception {
		return browser.send(
				HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void everyPageHasLangOneH1ASkipLinkAFaviconAndMarksTheCurrentSection() {
		for (String path : new String[] { "/", "/threads", "/search?q=XPC", "/triage", "/known-issues", "/login",
				"/threads/" + markdownThread, "/no-such-page" }) {
			String body = anonymous.getPage(path).body();
			assertThat(body).as(path)
				.contains("<html lang=\"en\"")
				.contains("href=\"#content\">Skip to content</a>")
				.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg");
			assertThat(Pattern.compile("<h1[ >]").matcher(body).results().count()).as(path).isEqualTo(1);
		}
		assertThat(anonymous.getPage("/threads").body()).contains("href=\"/threads\" aria-current=\"page\"");
		assertThat(anonymous.getPage("/search?q=XPC").body()).contains("href=\"/search\" aria-current=\"page\"")
			.doesNotContain("href=\"/threads\" aria-current");
		Response icon = anonymous.get("/assets/favicon.svg");
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.contentType()).startsWith("image/svg+xml");
	}

	/** The page's text from the heading named to the end of its section. */
	static String section(String body, String heading) {
		Matcher matcher = Pattern.compile("<h2>" + heading + "</h2>(.*?)</section>", Pattern.DOTALL).matcher(body);
		assertThat(matcher.find()).as("section " + heading).isTrue();
		return matcher.group(1);
	}

}
