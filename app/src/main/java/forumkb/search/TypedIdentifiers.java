package forumkb.search;

import forumkb.search.QueryBuilderService.Identifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Which of the identifiers typed in a search each matching thread holds exactly. A search
 * for {@code Code=4097} matches every thread that says "code" somewhere; the ones that
 * hold code 4097 are what the user asked for, and the rest are partial matches that
 * should say what they lack.
 */
final class TypedIdentifiers {

	private final IndexSearcher searcher;

	private final List<Identifier> identifiers;

	TypedIdentifiers(IndexSearcher searcher, List<Identifier> identifiers) {
		this.searcher = searcher;
		this.identifiers = identifiers;
	}

	/** The matches of {@code query} that hold every identifier, counted exactly. */
	long countHoldingAll(Query query) throws IOException {
		BooleanQuery.Builder all = new BooleanQuery.Builder().add(query, Occur.FILTER);
		identifiers.forEach(identifier -> all.add(identifier.query(), Occur.FILTER));
		return searcher.count(all.build());
	}

	/** For each of {@code docs}, the identifiers it lacks, as typed; empty when none. */
	List<List<String>> missing(ScoreDoc[] docs) throws IOException {
		List<List<String>> missing = new ArrayList<>();
		for (int i = 0; i < docs.length; i++) {
			missing.add(new ArrayList<>());
		}
		if (identifiers.isEmpty() || docs.length == 0) {
			return missing;
		}
		// Scorers move forward only: visit the documents in index order.
		Integer[] byDoc = new Integer[docs.length];
		Arrays.setAll(byDoc, i -> i);
		Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		for (Identifier identifier : identifiers) {
			Weight weight = searcher.createWeight(searcher.rewrite(identifier.query()), ScoreMode.COMPLETE_NO_SCORES,
					1);
			LeafReaderContext leaf = null;
			DocIdSetIterator holding = null;
			for (int i : byDoc) {
				int doc = docs[i].doc;
				if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
					leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
					Scorer scorer = weight.scorer(leaf);
					holding = scorer == null ? null : scorer.iterator();
				}
				int target = doc - leaf.docBase;
				boolean holds = holding != null
						&& (holding.docID() >= target ? holding.docID() == target : holding.advance(target) == target);
				if (!holds) {
					missing.get(i).add(identifier.typed());
				}
			}
		}
		return missing;
	}

	/**
	 * The documents holding every identifier first, each group in its order: the exact
	 * matches above the partial ones.
	 */
	static ScoreDoc[] exactFirst(ScoreDoc[] docs, List<List<String>> missing) {
		List<ScoreDoc> exact = new ArrayList<>();
		List<ScoreDoc> partial = new ArrayList<>();
		for (int i = 0; i < docs.length; i++) {
			(missing.get(i).isEmpty() ? exact : partial).add(docs[i]);
		}
		exact.addAll(partial);
		return exact.toArray(ScoreDoc[]::new);
	}

}
