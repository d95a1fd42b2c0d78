package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.search.SearchResult.Hit;
import java.util.List;
import java.util.function.Function;

/**
 * Where searches run: the embedded Lucene index ({@code forumkb.search.backend=lucene},
 * the default) or an OpenSearch cluster. The rest of the code describes a search as a
 * parsed {@link SearchQuery} and gets back hits with their stored fields and snippets,
 * the total, facet counts and threads per month, the same on either backend.
 *
 * <p>
 * What both promise: a page holds {@link SearchService#PAGE_SIZE} hits; the total is
 * exact up to {@link #COUNTED} matches and a lower bound past that; facets
 * ({@link #FACETS}, the {@link #FACET_VALUES} most frequent values each) and months count
 * the top {@link #COLLECTED} matches by relevance.
 */
public interface SearchBackend {

	List<String> FACETS = List.of(TAG, FRAMEWORK, API, ERROR, TOPIC, YEAR, HAS);

	int FACET_VALUES = 10;

	/** Matches counted exactly; past that the total is a lower bound. */
	int COUNTED = 1000;

	/**
	 * Matches collected by relevance: the tie-breakers reorder them, and facets and the
	 * month chart count them. Collecting the top 1,000 instead made a Lucene search take
	 * 2.4 times as long at 200,000 threads.
	 */
	int COLLECTED = 100;

	/**
	 * One page of a search ({@code page} counts from 0; one past the end shows the last),
	 * by relevance or, with {@code byActivity}, most recently active first; {@code raw}
	 * is what the user typed, echoed in the result.
	 */
	SearchResult search(SearchQuery query, String raw, int page, boolean byActivity);

	/**
	 * The {@code count} threads that best match {@code likeThis}, the thread
	 * {@code threadId} left out.
	 */
	List<Hit> similar(long threadId, SearchQuery likeThis, int count);

	/**
	 * Runs {@code read} on the threads' index as triage's lexical half reads it: ranked
	 * by terms alone, with the counts that score known issues on the threads' scale.
	 */
	<T> T lexically(Function<LexicalReader, T> read);

}
