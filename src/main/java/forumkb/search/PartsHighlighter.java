package forumkb.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The unified highlighter, answering with {@link SnippetFormatter}'s parts instead of strings.
 * It marks the query's terms from the stored offsets rather than asking the query's weight
 * for matches: with a few hundred words over several fields the weight-matches route cost
 * more than the search itself.
 */
final class PartsHighlighter extends UnifiedHighlighter {

    PartsHighlighter(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter())
                .withMaxLength(20_000).withWeightMatches(false));
    }

    /** For each field, one value per document: a {@code List<SnippetPart>} or null. */
    Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
        return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
}
