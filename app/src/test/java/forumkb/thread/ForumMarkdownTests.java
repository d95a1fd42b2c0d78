package forumkb.thread;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.thread.ThreadView.ProvenanceView;
import org.junit.jupiter.api.Test;

/**
 * Forum Markdown to safe HTML, and where a thread came from shown without server paths.
 */
class ForumMarkdownTests {

	static final String REL = "<a rel=\"nofollow noopener noreferrer\" href=\"";

	final ForumMarkdown markdown = new ForumMarkdown();

	@Test
	void rawHtmlIsTextAndOnlyWebAndMailLinksSurvive() {
		String html = markdown
			.html("""
					<img src=x onerror=alert(1)> <a href="https://evil.example">x</a>
					[js](javascript:alert(1)) [data](data:text/html,x) [rel](/admin) [mail](mailto:a@b.example) [web](http://ok.example)
					<https://auto.example/p?q=1>
					""");

		assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;a href=&quot;https://evil.example&quot;&gt;")
			.contains("js")
			.contains("data")
			.contains("rel")
			.contains(REL + "mailto:a@b.example\">mail</a>")
			.contains(REL + "http://ok.example\">web</a>")
			.contains(REL + "https://auto.example/p?q=1\">");
		assertThat(html).doesNotContain("javascript:")
			.doesNotContain("data:text")
			.doesNotContain("href=\"/admin\"")
			.doesNotContain("<img")
			.doesNotContain("href=\"https://evil");
	}

	@Test
	void codeBlocksStayCodeAndLinesStayLines() {
		String html = markdown
			.html("Console:\n2025-01-01 error one\n2025-01-01 error two\n\n```objc\n[x foo];\n```\n\n    indented log");

		assertThat(html).contains("2025-01-01 error one<br>\n2025-01-01 error two")
			.contains("<pre tabindex=\"0\"><code class=\"language-objc\">[x foo];\n</code></pre>")
			.contains("<pre tabindex=\"0\"><code>indented log\n</code></pre>");
	}

	@Test
	void imagesBecomeLinksAndHeadingsLeaveTheH1ToThePage() {
		assertThat(markdown.html("# Title\n\n![](https://example.org/a.png) ![bad](file:///etc/passwd)"))
			.contains("<h3>Title</h3>")
			.contains(REL + "https://example.org/a.png\">https://example.org/a.png</a>")
			.contains("bad")
			.doesNotContain("file:")
			.doesNotContain("<img")
			.doesNotContain("<h1");
	}

	@Test
	void provenanceShowsAFileByNameAndAUrlWhole() {
		assertThat(new ProvenanceView("/tmp/forumkb-upload-123/threads.jsonl", 2, 2).shown())
			.isEqualTo("threads.jsonl");
		assertThat(new ProvenanceView("C:\\dumps\\page.txt", null, null).shown()).isEqualTo("page.txt");
		assertThat(new ProvenanceView("https://forums.example/t/1.json", null, null).shown())
			.isEqualTo("https://forums.example/t/1.json");
		assertThat(new ProvenanceView("threads.jsonl", 1, 1).shown()).isEqualTo("threads.jsonl");
	}

}
