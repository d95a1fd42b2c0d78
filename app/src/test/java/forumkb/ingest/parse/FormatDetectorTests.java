package forumkb.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTests {

	@ParameterizedTest(name = "{0} | {1} | {2} -> {3}")
	@CsvSource(delimiter = '|', nullValues = "null", value = {
			// the content decides when it is clear, whatever the hints say
			"t.txt      | text/plain        | '{\"id\": 1, \"post_stream\": {\"posts\": []}}'           | DISCOURSE",
			"t.json     | null              | '{\n  \"id\": 1,\n  \"post_stream\": {\"posts\": []}\n}' | DISCOURSE",
			"t.json     | application/json  | '{\"title\": \"a\"}\n{\"title\": \"b\"}'                  | JSONL",
			"null       | null              | '\n\n  {\"title\": \"a\"}\n\n{\"title\": \"b\"}\n'        | JSONL",
			"x.html     | text/html         | '<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>'    | FEED",
			"null       | null              | '<rss version=\"2.0\"><channel/></rss>'                  | FEED",
			"null       | null              | '  <feed xmlns=\"http://www.w3.org/2005/Atom\"/>'        | FEED",
			"feed.xml   | application/xml   | '<!DOCTYPE html><html><body/></html>'                    | HTML",
			"null       | null              | '<html lang=\"en\"><body/></html>'                        | HTML",
			"null       | null              | '<?xml version=\"1.0\"?><!-- x --><html xmlns=\"http://www.w3.org/1999/xhtml\"/>' | HTML",
			"null       | null              | '\uFEFF<!doctype HTML><title>t</title>'                   | HTML",
			// ambiguous content: the content type, then the extension
			// plain text has no signature, so a hint wins (the HTML parser hands it to
			// its text fallback)
			"page.html  | text/html         | 'Thread title\nquestion text'                            | HTML",
			"null       | text/html; charset=utf-8 | '<div class=\"post\">hi</div>'                    | HTML",
			"a.htm      | application/octet-stream | '<div class=\"post\">hi</div>'                    | HTML",
			"a.json     | null              | '{\n  \"title\": \"pretty printed\"\n}'                  | DISCOURSE",
			"a.ndjson   | null              | '{\n  \"title\": \"pretty printed\"\n}'                  | JSONL",
			"null       | application/x-ndjson | '{\n  \"title\": \"pretty printed\"\n}'               | JSONL",
			"https://developer.apple.com/forums/tags/xpc/rss | null | '<channel/>'                 | FEED",
			"null       | null              | '<div>fragment</div>'                                    | TEXT_DUMP",
			"dump.txt   | null              | 'Apple Developer Forums\nNEFilterManager question'       | TEXT_DUMP",
			"null       | null              | ''                                                       | TEXT_DUMP", })
	void detectsFormat(String filename, String contentType, String content, SourceFormat expected) {
		assertThat(FormatDetector.detect(filename, contentType, content.replace("\\n", "\n"))).isEqualTo(expected);
	}

	@Test
	void detectsTheFixtures() {
		assertThat(FormatDetector.detect(null, null, Fixtures.read("apple-thread.html"))).isEqualTo(SourceFormat.HTML);
		assertThat(FormatDetector.detect(null, null, Fixtures.read("discourse-topic.html")))
			.isEqualTo(SourceFormat.HTML);
		assertThat(FormatDetector.detect(null, null, Fixtures.read("apple-xpc-tag.rss"))).isEqualTo(SourceFormat.FEED);
		assertThat(FormatDetector.detect(null, null, Fixtures.read("networking.atom"))).isEqualTo(SourceFormat.FEED);
		assertThat(FormatDetector.detect(null, null, Fixtures.read("discourse-topic.json")))
			.isEqualTo(SourceFormat.DISCOURSE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "25504446 2d312e37 0a  | binary content (a PDF document), not text",
			"504b0304 14000000     | binary content (a ZIP archive), not text",
			"1f8b0800 00000000     | binary content (gzip-compressed data), not text",
			"89504e47 0d0a1a0a     | binary content (a PNG image), not text",
			"54687265 61640061     | binary content: NUL byte at offset 6, not text",
			"01020304 05060708 41  | binary content: 88% control characters in the first 9 characters, not text", })
	void rejectsBinaryBytes(String hex, String reason) {
		assertThat(FormatDetector.binaryReason(bytes(hex))).isEqualTo(reason);
	}

	@Test
	void acceptsTextBytesAndStrings() {
		String text = "Error Domain=NSOSStatusErrorDomain Code=-9802\n\tat line 3\r\n\f";
		assertThat(FormatDetector.binaryReason(text.getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(FormatDetector.binaryReason("caf\u00e9 \u2014 \u201cquoted\u201d".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(FormatDetector.binaryReason(text)).isNull();
		assertThat(FormatDetector.binaryReason(new byte[0])).isNull();
		assertThat(FormatDetector.binaryReason((String) null)).isNull();
	}

	@Test
	void rejectsBinaryStrings() {
		assertThat(FormatDetector.binaryReason("abc\u0000def"))
			.isEqualTo("binary content: NUL character at offset 3, not text");
		assertThat(FormatDetector.binaryReason("\u0001\u0002\u0003abcd"))
			.startsWith("binary content: 42% control characters");
	}

	private static byte[] bytes(String hex) {
		String digits = hex.replace(" ", "");
		byte[] out = new byte[digits.length() / 2];
		for (int i = 0; i < out.length; i++) {
			out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
		}
		return out;
	}

}
