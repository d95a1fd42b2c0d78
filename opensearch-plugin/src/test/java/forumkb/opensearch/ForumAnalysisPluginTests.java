package forumkb.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.index.analysis.ForumAnalyzers;
import forumkb.index.highlight.Passages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * What the plugin registers, without a node: every forumkb analyser under its
 * {@code forum_} name, usable without index settings (as a mapping or {@code _analyze}
 * names it). OpenSearchAnalysisTests in the application runs them in a real node.
 */
class ForumAnalysisPluginTests {

	private final ForumAnalysisPlugin plugin = new ForumAnalysisPlugin();

	@Test
	void registersEachAnalyserUnderItsStableName() {
		assertThat(plugin.getAnalyzers()).containsOnlyKeys("forum_prose", "forum_symbol", "forum_symbol_query",
				"forum_exact");
	}

	/**
	 * Our highlighter, under the type the application asks for; OpenSearchBackendTests in
	 * the application runs it in a real node.
	 */
	@Test
	void registersTheForumkbHighlighter() {
		assertThat(plugin.getHighlighters()).containsOnlyKeys(Passages.TYPE)
			.hasValueSatisfying(new Condition<>(PassageHighlighter.class::isInstance, "our highlighter"));
	}

	@Test
	void eachNameRunsTheForumkbAnalyserOfThatName() throws IOException {
		for (String name : ForumAnalyzers.NAMES) {
			Analyzer registered = plugin.getAnalyzers().get("forum_" + name).get(null, "forum_" + name).get();
			String text = "NEFilterManager fails with -9802, the filter manager";
			assertThat(terms(registered, text)).as(name).isEqualTo(terms(ForumAnalyzers.byName(name), text));
		}
	}

	@Test
	void symbolQueryKeepsPlainWordsThatTheIndexSideDrops() throws IOException {
		Analyzer index = plugin.getAnalyzers().get("forum_symbol").get(null, "forum_symbol").get();
		Analyzer query = plugin.getAnalyzers().get("forum_symbol_query").get(null, "forum_symbol_query").get();
		assertThat(terms(index, "filter manager")).isEmpty();
		assertThat(terms(query, "filter manager")).containsExactly("filter", "manager");
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("field", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}
