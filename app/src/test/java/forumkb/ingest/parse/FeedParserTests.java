package forumkb.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void readsAppleTagRssEntriesAsExcerptThreads() {
		ParseResult result = parser.parse("https://developer.apple.com/forums/tags/xpc/rss",
				Fixtures.read("apple-xpc-tag.rss"));

		assertThat(result.threads()).hasSize(2);
		ParsedThread first = result.threads().get(0);
		assertThat(first.excerpt()).isTrue();
		assertThat(first.title())
			.isEqualTo("xpc_connection_create_mach_service returns XPC_ERROR_CONNECTION_INVALID from a daemon");
		assertThat(first.url()).isEqualTo("https://developer.apple.com/forums/thread/772010");
		assertThat(first.source()).isEqualTo("apple-developer-forums");
		assertThat(first.externalId()).isEqualTo("772010");
		assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-01-20T10:15:00Z"));
		assertThat(first.tags()).containsExactly("XPC", "Service Management");
		assertThat(first.provenance().origin()).isEqualTo("https://developer.apple.com/forums/tags/xpc/rss");
		assertThat(first.posts()).singleElement().satisfies(post -> {
			assertThat(post.author()).isEqualTo("launchdlover");
			assertThat(post.role()).isEqualTo(PostRole.QUESTION);
			assertThat(post.body())
				.startsWith("My privileged helper registered with SMAppService.daemon(plistName:) gets");
			assertThat(post.body()).contains("contents =\n\t\"XPCErrorDescription\" => <string: 0x1f8b3a8>");
			assertThat(post.body()).endsWith("Any idea what & where to check?");
		});
		ParsedThread second = result.threads().get(1);
		assertThat(second.externalId()).isEqualTo("771870");
		assertThat(second.tags()).containsExactly("XPC");
		assertThat(second.posts().get(0).body()).contains("listener(_:shouldAcceptNewConnection:)");
	}

	@Test
	void entryWithoutTitleOrDescriptionFailsAloneWhileTheOthersLand() {
		ParseResult result = parser.parse("xpc.rss", Fixtures.read("apple-xpc-tag.rss"));

		assertThat(result.threads()).extracting(ParsedThread::externalId).containsExactly("772010", "771870");
		assertThat(result.failures()).singleElement().satisfies(f -> {
			assertThat(f.item()).isEqualTo("xpc.rss entry 2 (https://developer.apple.com/forums/thread/771999)");
			assertThat(f.reason()).isEqualTo("feed entry has neither a title nor a description");
		});
	}

	@Test
	void feedTitleIsATagOfAnAppleTagFeed() {
		String feed = Fixtures.read("apple-xpc-tag.rss").replace("<category>XPC</category>", "");

		ParseResult result = parser.parse("xpc.rss", feed);

		assertThat(result.threads()).allSatisfy(t -> assertThat(t.tags()).startsWith("XPC"));
	}

	@Test
	void readsAtomWithGitHubAndDiscourseLinks() {
		ParseResult result = parser.parse("networking.atom", Fixtures.read("networking.atom"));

		assertThat(result.failures()).isEmpty();
		ParsedThread issue = result.threads().get(0);
		assertThat(issue.source()).isEqualTo("github");
		assertThat(issue.externalId()).isEqualTo("gh-example-org-netkit-2811");
		assertThat(issue.url()).isEqualTo("https://github.com/example-org/netkit/issues/2811");
		assertThat(issue.createdAt()).isEqualTo(Instant.parse("2025-02-01T09:30:00Z"));
		assertThat(issue.lastActivityAt()).isEqualTo(Instant.parse("2025-02-03T11:45:00Z"));
		assertThat(issue.tags()).containsExactly("tls", "bug");
		assertThat(issue.posts().get(0).author()).isEqualTo("tls-tinkerer");
		assertThat(issue.posts().get(0).body()).isEqualTo(
				"""
						After the server dropped TLS 1.2 our client logs:

						Task <1A2B>.<1> finished with error [-1200]
						  NSUnderlyingError=0x6000 {Error Domain=kCFErrorDomainCFNetwork Code=-1200 "(null)" UserInfo={_kCFStreamErrorCodeKey=-9802}}""");

		ParsedThread topic = result.threads().get(1);
		assertThat(topic.source()).isEqualTo("discuss.example.net");
		assertThat(topic.externalId()).isEqualTo("4410");
		assertThat(topic.url())
			.isEqualTo("https://discuss.example.net/t/nefiltermanager-loadfrompreferences-returns-nil/4410");
		assertThat(topic.createdAt()).isEqualTo(Instant.parse("2025-01-30T18:00:00Z"));
		assertThat(topic.posts().get(0).body()).isEqualTo("Line one\nLine two stays as written.");
	}

	@Test
	void truncatedXmlIsOneFailureWithItsPosition() {
		String truncated = Fixtures.read("apple-xpc-tag.rss").substring(0, 900);

		ParseResult result = parser.parse("xpc.rss", truncated);

		assertThat(result.threads()).isEmpty();
		assertThat(result.failures()).singleElement().satisfies(f -> {
			assertThat(f.item()).isEqualTo("xpc.rss");
			assertThat(f.line()).isPositive();
			assertThat(f.reason()).startsWith("malformed feed XML at line " + f.line() + ", column ");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "''                                            | empty feed document",
					"'<?xml version=\"1.0\"?><html><body/></html>' | not an RSS or Atom feed",
					"'<rss version=\"2.0\"><channel><title>x</title></channel></rss>' | feed has no entries",
					"'plain text, not XML'                         | malformed feed XML", })
	void badInputIsAFailureNotAnException(String content, String reason) {
		Fixtures.assertFailsWith(parser.parse("in.xml", content), reason);
	}

}
