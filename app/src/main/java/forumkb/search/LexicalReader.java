package forumkb.search;

import forumkb.search.SearchResult.Hit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;

/**
 * One state of the threads' index as triage's lexical half reads it, on either backend
 * ({@link SearchBackend#lexically}): the threads a built query ranks by its terms alone
 * (BM25, no tie-breakers, no quoted-text bonus), their hits, and the counts that make a
 * known issue, scored in process, rank on the threads' scale.
 */
public interface LexicalReader {

	/** A thread and its lexical score. */
	record Scored(long id, float score) {
	}

	/**
	 * How many threads hold each term looked up and how often, and the statistics of
	 * those terms' fields; a term no thread holds, or a field none has, is absent.
	 */
	record TermCounts(Map<Term, TermStatistics> terms, Map<String, CollectionStatistics> fields) {

		public long docFreq(Term term) {
			TermStatistics statistics = terms.get(term);
			return statistics == null ? 0 : statistics.docFreq();
		}

	}

	/**
	 * The query with its rarest-words part cut by this index's term counts: what the
	 * other methods then take.
	 */
	Query cut(Query query);

	/** The {@code count} threads the cut query scores highest, best first. */
	List<Scored> top(Query cut, int count);

	/** Those of the threads that the index holds. */
	Set<Long> held(Collection<Long> threadIds);

	/**
	 * The threads' hits (snippets, entities, those the query matched) with the scores
	 * given, in the order given; a thread the index does not hold has none.
	 */
	List<Hit> hits(QueryBuilderService.Built built, Query cut, List<Scored> threads);

	/** How many threads the index holds. */
	long threads();

	/** The counts of the terms, looked up together. */
	TermCounts counts(Collection<Term> terms);

}
