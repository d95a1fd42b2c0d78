package forumkb.triage;

import forumkb.search.LexicalReader;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * Searches the small known-issue index with the thread index's term and field statistics,
 * so a known issue's BM25 score means what a thread's does: a code rare among threads is
 * rare here too, and both kinds of suggestion rank on one scale. The threads' counts are
 * looked up beforehand for the query's terms, on whichever backend holds the threads.
 */
final class BorrowedStatistics extends IndexSearcher {

	private final LexicalReader.TermCounts threads;

	BorrowedStatistics(IndexReader knownIssues, LexicalReader.TermCounts threads) {
		super(knownIssues);
		this.threads = threads;
	}

	@Override
	public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
		TermStatistics borrowed = threads.terms().get(term);
		return borrowed != null ? borrowed : super.termStatistics(term, docFreq, totalTermFreq);
	}

	@Override
	public CollectionStatistics collectionStatistics(String field) throws IOException {
		CollectionStatistics borrowed = threads.fields().get(field);
		return borrowed != null ? borrowed : super.collectionStatistics(field);
	}

}
