package forumkb.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlThreadParserTests {

	private static final ThreadParser NO_FALLBACK = (origin, content) -> ParseResult.of(List.of());

	private final HtmlThreadParser parser = new HtmlThreadParser(NO_FALLBACK);

	private ParsedThread only(String origin, String fixture) {
		ParseResult result = parser.parse(origin, Fixtures.read(fixture));
		assertThat(result.failures()).isEmpty();
		assertThat(result.threads()).hasSize(1);
		return result.threads().get(0);
	}

	@Test
	void readsAppleDeveloperForumsThread() {
		ParsedThread thread = only("saved/apple-thread.html", "apple-thread.html");

		assertThat(thread.source()).isEqualTo("apple-developer-forums");
		assertThat(thread.externalId()).isEqualTo("771204");
		assertThat(thread.url()).isEqualTo("https://developer.apple.com/forums/thread/771204");
		assertThat(thread.title()).isEqualTo("NSXPCConnection to launchd agent invalidated right after resume()");
		assertThat(thread.topic()).isEqualTo("App & System Services");
		assertThat(thread.subtopic()).isEqualTo("Processes & Concurrency");
		assertThat(thread.tags()).containsExactly("XPC", "Service Management");
		assertThat(thread.replies()).isEqualTo(3);
		assertThat(thread.boosts()).isEqualTo(2);
		assertThat(thread.views()).isEqualTo(1482);
		assertThat(thread.createdAt()).isEqualTo(Instant.parse("2025-01-14T09:12:44Z"));
		assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse("2025-01-16T08:20:00Z"));
		assertThat(thread.excerpt()).isFalse();
		assertThat(thread.provenance()).isEqualTo(Provenance.of("saved/apple-thread.html"));

		assertThat(thread.posts()).extracting(ParsedPost::author, ParsedPost::role, ParsedPost::accepted)
			.containsExactly(tuple("kvmeridian", PostRole.QUESTION, false),
					tuple("DTS Engineer", PostRole.ANSWER, true), tuple("kvmeridian", PostRole.COMMENT, false),
					tuple("tcpdumpster", PostRole.ANSWER, false));
		assertThat(thread.posts().get(1).createdAt()).isEqualTo(Instant.parse("2025-01-15T11:03:00Z"));
	}

	@Test
	void keepsCodeBlockLinesAndTurnsTheRestIntoParagraphs() {
		String body = only("apple.html", "apple-thread.html").posts().get(0).body();

		assertThat(body).contains("""
				let connection = NSXPCConnection(machServiceName: "com.example.helper.agent", options: [])
				connection.remoteObjectInterface = NSXPCInterface(with: HelperProtocol.self)
				connection.invalidationHandler = {
				    logger.error("helper connection invalidated")
				}
				connection.resume()""");
		assertThat(body).contains("\n\nConsole shows:\n\n[0x600001b7c000] activating connection");
		assertThat(body).contains("Error Domain=NSCocoaErrorDomain Code=4099 \"The connection");
		assertThat(body).endsWith("Is there an entitlement I am missing & where should I look next?");
		assertThat(body)
			.startsWith("I have a sandboxed app that talks to a LaunchAgent over NSXPCConnection. The agent");
		assertThat(body).doesNotContain("<", "&amp;", "&quot;", "XPC\nService Management");
	}

	@Test
	void dropsScriptStyleAndPageChrome() {
		ParsedThread thread = only("apple.html", "apple-thread.html");
		String all = String.join("\n", thread.posts().stream().map(ParsedPost::body).toList());

		assertThat(all).doesNotContain("SCRIPT-SHOULD-NOT-LEAK", "font-size", "Copyright", "Developer Forums", "Asked");
		assertThat(thread.posts().get(1).body()).doesNotContain("Accepted Answer").startsWith("\u201cfailed at lookup");
	}

	@Test
	void readsDiscourseCrawlerView() {
		ParsedThread thread = only("https://forums.swift.org/t/some-old-slug/76012/3", "discourse-topic.html");

		assertThat(thread.source()).isEqualTo("forums.swift.org");
		assertThat(thread.externalId()).isEqualTo("76012");
		assertThat(thread.url()).isEqualTo(
				"https://forums.swift.org/t/nefiltermanager-savetopreferences-fails-with-permission-denied-on-macos-15/76012");
		assertThat(thread.title())
			.isEqualTo("NEFilterManager saveToPreferences fails with \u201cpermission denied\u201d on macOS 15");
		assertThat(thread.topic()).isEqualTo("Related Projects");
		assertThat(thread.subtopic()).isEqualTo("Networking");
		assertThat(thread.tags()).containsExactly("network-extension", "macos");
		assertThat(thread.views()).isEqualTo(2300);
		assertThat(thread.boosts()).isEqualTo(7);
		assertThat(thread.posts()).extracting(ParsedPost::author)
			.containsExactly("packetfilter", "lnetworker", "packetfilter");
		assertThat(thread.posts()).extracting(ParsedPost::accepted).containsExactly(false, false, true);
		assertThat(thread.posts().get(0).role()).isEqualTo(PostRole.QUESTION);
		assertThat(thread.posts().get(0).createdAt()).isEqualTo(Instant.parse("2024-11-02T16:45:10Z"));
		assertThat(thread.posts().get(0).body()).contains(
				"Error Domain=NEFilterErrorDomain Code=5 \"permission denied\"\n    UserInfo={NSLocalizedDescription=permission denied}");
		assertThat(thread.posts().get(2).body()).contains("the app's entitlements");
	}

	@Test
	void readsDiscourseEmberViewWithCookedPosts() {
		String html = """
				<html><head><meta name="generator" content="Discourse 3.3"></head><body>
				<div id="topic-title"><h1><a class="fancy-title">SecTrustEvaluateWithError returns -9802 for a valid chain</a></h1>
				  <span class="badge-category__name">Security</span> <a class="discourse-tag" href="/tag/tls">tls</a></div>
				<div class="topic-post regular"><article id="post_1">
				  <span class="first username"><a href="/u/keychainkid">keychainkid</a></span>
				  <a class="post-date"><span class="relative-date" data-time="1717236000000">Jun 1</span></a>
				  <div class="cooked"><p>Evaluation fails:</p><pre><code>OSStatus -9802
				errSSLFatalAlert</code></pre></div></article></div>
				<div class="topic-post regular"><article id="post_2">
				  <span class="first username"><a href="/u/trustee">trustee</a></span>
				  <div class="cooked"><p>Your quote of the solution</p><aside class="quote accepted-answer">-</aside></div></article></div>
				<div class="topic-post regular accepted-answer"><article id="post_3">
				  <span class="first username"><a href="/u/pkiwiz">pkiwiz</a></span>
				  <div class="cooked"><p>Add the intermediate with <code>SecTrustSetAnchorCertificates</code>.</p></div></article></div>
				</body></html>""";

		ParsedThread thread = parser.parse("https://discuss.example.org/t/sectrust-9802/991", html).threads().get(0);

		assertThat(thread.source()).isEqualTo("discuss.example.org");
		assertThat(thread.externalId()).isEqualTo("991");
		assertThat(thread.title()).isEqualTo("SecTrustEvaluateWithError returns -9802 for a valid chain");
		assertThat(thread.topic()).isEqualTo("Security");
		assertThat(thread.tags()).containsExactly("tls");
		assertThat(thread.createdAt()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
		assertThat(thread.posts()).extracting(ParsedPost::author, ParsedPost::accepted)
			.containsExactly(tuple("keychainkid", false), tuple("trustee", false), tuple("pkiwiz", true));
		assertThat(thread.posts().get(0).body()).isEqualTo("Evaluation fails:\n\nOSStatus -9802\nerrSSLFatalAlert");
	}

	@Test
	void readsSchemaOrgJsonLdAndSkipsABrokenBlock() {
		ParsedThread thread = only("https://devboard.example.com/threads/tls-error-9802.5521/?ref=x",
				"jsonld-thread.html");

		assertThat(thread.title()).isEqualTo("TLS error -9802 when connecting to internal server");
		assertThat(thread.source()).isEqualTo("devboard.example.com");
		assertThat(thread.externalId()).isNull();
		assertThat(thread.url()).isEqualTo("https://devboard.example.com/threads/tls-error-9802.5521");
		assertThat(thread.tags()).containsExactly("TLS", "App Transport Security", "URLSession");
		assertThat(thread.createdAt()).isEqualTo(Instant.parse("2024-09-09T10:00:00Z"));
		assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse("2024-09-12T05:30:00Z"));
		assertThat(thread.replies()).isEqualTo(2);
		assertThat(thread.views()).isEqualTo(318);
		assertThat(thread.posts()).extracting(ParsedPost::author, ParsedPost::role)
			.containsExactly(tuple("mobile-ops", PostRole.QUESTION), tuple("certwrangler", PostRole.ANSWER),
					tuple("mobile-ops", PostRole.COMMENT));
		assertThat(thread.posts().get(0).body())
			.contains("NSURLErrorDomain Code=-1200 \"An SSL error has occurred\"\n  _kCFStreamErrorCodeKey=-9802");
		assertThat(thread.posts().get(2).body()).isEqualTo("It was 1000 days \u2014 reissuing.");
	}

	@Test
	void readsCommonForumMarkup() {
		ParsedThread thread = only("macdev.html", "generic-forum.html");

		assertThat(thread.source()).isEqualTo("html");
		assertThat(thread.url()).isNull();
		assertThat(thread.title()).isEqualTo("XPC service crashes with EXC_BAD_ACCESS on macOS 14");
		assertThat(thread.tags()).containsExactly("xpc");
		assertThat(thread.posts()).extracting(ParsedPost::author).containsExactly("bundlebuilder", "crashreader");
		assertThat(thread.posts().get(1).accepted()).isTrue();
		assertThat(thread.posts().get(0).body()).contains(
				"Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\nException Codes: KERN_INVALID_ADDRESS at 0x0000000000000010\n0   libxpc.dylib");
		assertThat(thread.posts().get(0).body()).doesNotContain("SCRIPT-SHOULD-NOT-LEAK", "Home");
	}

	@Test
	void readsMicrodataWithoutDiscourseMarkup() {
		String html = """
				<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">
				  <h2 itemprop="headline">CXProvider reportNewIncomingCall never shows UI</h2>
				  <span itemprop="author">voipdev</span> <meta itemprop="datePublished" content="2024-05-01T10:00:00Z">
				  <div itemprop="text"><p>The completion handler gets error 3.</p></div>
				  <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
				    <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">callkitfan</span></span>
				    <div itemprop="text">Error 3 is CXErrorCodeIncomingCallErrorFilteredByDoNotDisturb.</div>
				  </div>
				</div></body></html>""";

		ParsedThread thread = parser.parse("callkit.html", html).threads().get(0);

		assertThat(thread.title()).isEqualTo("CXProvider reportNewIncomingCall never shows UI");
		assertThat(thread.posts()).extracting(ParsedPost::author, ParsedPost::body)
			.containsExactly(tuple("voipdev", "The completion handler gets error 3."),
					tuple("callkitfan", "Error 3 is CXErrorCodeIncomingCallErrorFilteredByDoNotDisturb."));
	}

	@Test
	void pageWithoutThreadGoesToTheTextFallbackAsVisibleLines() {
		List<String> seen = new ArrayList<>();
		ThreadParser fallback = (origin, text) -> {
			seen.add(text);
			return ParseResult.of(List.of(new ParsedThread(null, null, null, "Release notes", null, null, null, null,
					null, null, null, null, List.of(new ParsedPost(null, text, null, PostRole.QUESTION, false)), false,
					Provenance.of(origin))));
		};

		ParseResult result = new HtmlThreadParser(fallback).parse("https://example.com/notes",
				Fixtures.read("no-thread.html"));

		assertThat(seen).containsExactly("Release notes\nVersion 2.1 improves performance.\nFixed a crash on launch.");
		assertThat(result.threads()).singleElement().satisfies(t -> {
			assertThat(t.url()).isEqualTo("https://example.com/notes");
			assertThat(t.source()).isEqualTo("example.com");
		});
	}

	@Test
	void pageWithoutThreadFailsWhenTheFallbackFindsNothingEither() {
		ParseResult result = parser.parse("notes.html", Fixtures.read("no-thread.html"));

		assertThat(result.threads()).isEmpty();
		assertThat(result.failures()).singleElement().satisfies(f -> {
			assertThat(f.item()).isEqualTo("notes.html");
			assertThat(f.reason()).isEqualTo("no forum thread found in notes.html");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "''                                 | empty HTML document",
					"'   '                              | empty HTML document",
					"'<html><body></body></html>'       | no forum thread found in bad.html",
					"'<html><body><div><p>unclosed'     | no forum thread found in bad.html",
					"'\u0000\u0001garbage <<<>>>'       | no forum thread found in bad.html", })
	void badInputIsAFailureNotAnException(String content, String reason) {
		Fixtures.assertFailsWith(parser.parse("bad.html", content), reason);
	}

}
