package forumkb.thread;

import java.util.List;

/**
 * Finds threads by what a person types, as the search page does. Search supplies it;
 * features below search (known issues link threads by finding them) ask through this.
 */
public interface ThreadFinder {

	/**
	 * The best matches of a search query (filters such as {@code tag:} allowed), best
	 * first. A query search cannot read is a {@link forumkb.system.BadRequestException}.
	 */
	List<FoundThread> find(String query);

	/** A thread that matched, with the snippet of its text that did. */
	record FoundThread(long id, String title, String snippet) {
	}

}
