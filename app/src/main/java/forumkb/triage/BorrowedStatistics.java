package forumkb.triage;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * Searches the small known-issue index with the thread index's term and field statistics,
 * so a known issue's BM25 score means what a thread's does: a code rare among threads is
 * rare here too, and both kinds of suggestion rank on one scale.
 */
final class BorrowedStatistics extends IndexSearcher {

	private final IndexSearcher threads;

	BorrowedStatistics(IndexReader knownIssues, IndexSearcher threads) {
		super(knownIssues);
		this.threads = threads;
	}

	@Override
	public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
		int threadDocFreq = threads.getIndexReader().docFreq(term);
		if (threadDocFreq == 0) {
			return super.termStatistics(term, docFreq, totalTermFreq);
		}
		long threadTermFreq = threads.getIndexReader().totalTermFreq(term);
		return new TermStatistics(term.bytes(), threadDocFreq, Math.max(threadTermFreq, threadDocFreq));
	}

	@Override
	public CollectionStatistics collectionStatistics(String field) throws IOException {
		CollectionStatistics borrowed = threads.collectionStatistics(field);
		return borrowed != null ? borrowed : super.collectionStatistics(field);
	}

}
