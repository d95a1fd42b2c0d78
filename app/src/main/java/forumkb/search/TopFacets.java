package forumkb.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
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

	/**
	 * Every leaf gets its matches, none for most: given matches from one leaf only,
	 * Lucene takes the reader for a single segment and reads that leaf's ordinals as
	 * global ones, labelling the counts with other values.
	 */
	static SortedSetDocValuesFacetCounts count(SortedSetDocValuesReaderState state, IndexSearcher searcher,
			ScoreDoc[] matches) throws IOException {
		int[] docs = new int[matches.length];
		for (int i = 0; i < docs.length; i++) {
			docs[i] = matches[i].doc;
		}
		Arrays.sort(docs);
		FacetsCollector collector = new FacetsCollector();
		int next = 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			LeafCollector leafCollector = collector.getLeafCollector(leaf);
			int end = leaf.docBase + leaf.reader().maxDoc();
			while (next < docs.length && docs[next] < end) {
				leafCollector.collect(docs[next++] - leaf.docBase);
			}
			leafCollector.finish();
		}
		return new SortedSetDocValuesFacetCounts(state, collector);
	}

}
