package forumkb.opensearch;

import forumkb.index.analysis.ForumAnalyzers;
import forumkb.index.highlight.Passages;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;

/**
 * The forum analysers inside OpenSearch, each under {@code forum_} and its
 * {@link ForumAnalyzers} name: {@code forum_prose}, {@code forum_symbol},
 * {@code forum_symbol_query} and {@code forum_exact}. They take no settings, so a mapping
 * names them directly ({@code "analyzer": "forum_prose"}) and {@code _analyze} runs them
 * without an index. The built-in chains are no substitute: they lose NEFilterManager's
 * parts, the sign of -9802 and selectors' base names.
 *
 * <p>
 * It brings forumkb's highlighter as well ({@link PassageHighlighter}, type
 * {@value Passages#TYPE}), so a page's snippets are picked where the postings are and no
 * thread is analysed again to mark them.
 */
public final class ForumAnalysisPlugin extends Plugin implements AnalysisPlugin, SearchPlugin {

	/** What the analysers are called inside OpenSearch, from their forumkb name. */
	public static final String PREFIX = "forum_";

	@Override
	public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
		Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
		for (String name : ForumAnalyzers.NAMES) {
			analyzers.put(PREFIX + name, (indexSettings, environment, registeredName,
					settings) -> new ForumAnalyzerProvider(indexSettings, registeredName, settings, name));
		}
		return analyzers;
	}

	@Override
	public Map<String, Highlighter> getHighlighters() {
		return Map.of(Passages.TYPE, new PassageHighlighter());
	}

	/** One analyser instance per index (or per node, for {@code _analyze}), reused. */
	static final class ForumAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {

		private final Analyzer analyzer;

		ForumAnalyzerProvider(IndexSettings indexSettings, String name, Settings settings, String forumName) {
			super(indexSettings, name, settings);
			this.analyzer = ForumAnalyzers.byName(forumName);
		}

		@Override
		public Analyzer get() {
			return analyzer;
		}

	}

}
