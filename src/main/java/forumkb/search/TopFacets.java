package forumkb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;

/**
 * Facet counts over given matches rather than all of them: counting every match of a long
 * OR query means visiting most of the corpus, while the top matches are already at hand.
 */
final class TopFacets {

    private TopFacets() {
    }

    static SortedSetDocValuesFacetCounts count(SortedSetDocValuesReaderState state, IndexSearcher searcher,
            ScoreDoc[] matches) throws IOException {
        ScoreDoc[] byDoc = matches.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(match -> match.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FacetsCollector collector = new FacetsCollector();
        LeafCollector leafCollector = null;
        int leafIndex = -1;
        for (ScoreDoc match : byDoc) {
            int leaf = ReaderUtil.subIndex(match.doc, leaves);
            if (leaf != leafIndex) {
                if (leafCollector != null) {
                    leafCollector.finish();
                }
                leafIndex = leaf;
                leafCollector = collector.getLeafCollector(leaves.get(leaf));
            }
            leafCollector.collect(match.doc - leaves.get(leaf).docBase);
        }
        if (leafCollector != null) {
            leafCollector.finish();
        }
        return new SortedSetDocValuesFacetCounts(state, collector);
    }
}
