package forumkb.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadUrlsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", value = {
			"https://developer.apple.com/forums/thread/708877?answerId=7177022#7177022 | https://developer.apple.com/forums/thread/708877 | apple-developer-forums | 708877",
			"https://forums.developer.apple.com/thread/123456                          | https://developer.apple.com/forums/thread/123456 | apple-developer-forums | 123456",
			"https://www.developer.apple.com/forums/thread/123456?page=2               | https://developer.apple.com/forums/thread/123456 | apple-developer-forums | 123456",
			"https://developer.apple.com/forums/tags/xpc                               | https://developer.apple.com/forums/tags/xpc      | apple-developer-forums | null",
			"https://forums.swift.org/t/some-topic/76012/3                             | https://forums.swift.org/t/some-topic/76012      | forums.swift.org       | 76012",
			"https://meta.example.com/t/88231.json                                     | https://meta.example.com/t/88231.json            | meta.example.com       | 88231",
			"https://GitHub.com/apple/swift-nio/issues/2811#issuecomment-1             | https://github.com/apple/swift-nio/issues/2811   | github                 | gh-apple-swift-nio-2811",
			"HTTP://Example.com:80/a/b/?x=1#frag                                       | http://example.com/a/b?x=1                       | example.com            | null",
			"notes/thread.html                                                         | null                                             | null                   | null",
			"ftp://example.com/t/x/1                                                   | null                                             | null                   | null", })
	void canonicalAndIdentity(String url, String canonical, String source, String externalId) {
		assertThat(ThreadUrls.canonical(url)).isEqualTo(canonical);
		assertThat(ThreadUrls.identify(url)).isEqualTo(new ThreadUrls.Identity(source, externalId));
	}

	/**
	 * A page dump names its thread by a bare URL line: it must store the URL a link to
	 * the same thread stores, or one thread becomes two.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "https://developer.apple.com/forums/thread/708877?answerId=7177022",
			"https://www.developer.apple.com/forums/thread/708877",
			"https://forums.developer.apple.com/thread/708877" })
	void aDumpsThreadUrlLineIsStoredAsALinkToItIs(String url) {
		assertThat(ForumValues.threadUrl(DumpLine.keyOf(url))).contains(ThreadUrls.canonical(url));
	}

}
