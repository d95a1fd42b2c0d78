package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.search.SearchResult.SnippetPart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's snippet is HTML: matches marked, and the thread's own text never markup. */
class SnippetTextTests {

	@Test
	void matchesAreMarkedAndTheThreadsTextIsEscaped() {
		List<SnippetPart> parts = List.of(new SnippetPart("Calling ", false), new SnippetPart("NEFilterManager", true),
				new SnippetPart(" from <script>alert('x')</script> & \"quotes\" hangs", false));

		assertThat(SnippetText.text(parts, true)).isEqualTo("Calling <mark>NEFilterManager</mark> from "
				+ "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; hangs");
		assertThat(SnippetText.text(List.of(new SnippetPart("a<b", true)), true)).isEqualTo("<mark>a&lt;b</mark>");
	}

	@Test
	void plainTextIsLeftAsItIs() {
		List<SnippetPart> parts = List.of(new SnippetPart("saveToPreferences never calls back", false));

		assertThat(SnippetText.text(parts, true)).isEqualTo("saveToPreferences never calls back");
		assertThat(SnippetText.text(List.of(new SnippetPart("<b>", true)), false)).isEqualTo("<b>");
	}

}
