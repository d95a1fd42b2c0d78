package forumkb.index;

import java.io.IOException;

/**
 * The threads' search index as the app keeps it, whichever engine holds it (the node's
 * own Lucene index or an OpenSearch cluster): fed by the change feed ({@link IndexFeed})
 * a page of changed threads at a time, every committed change once, a thread the engine
 * refuses recorded in {@link IndexErrors} and skipped, never holding up ingest; rebuilt
 * from PostgreSQL beside the live index, which keeps answering until the new one takes
 * its place.
 */
public interface ThreadIndex {

	/** Whether the index is open and following the feed (never in command-line runs). */
	boolean isRunning();

	/** Applies every change the feed has that the index has not. */
	void catchUp();

	/**
	 * Starts a rebuild beside the live index; returns at once with the rebuild's state.
	 */
	String startRebuild();

	/** {@code running since …}, or {@code idle} with how the last rebuild ended. */
	String rebuildStatus();

	/**
	 * Builds a whole new index from PostgreSQL and makes it the live one; returns the
	 * threads it holds.
	 */
	int rebuild() throws IOException;

	/** The name of the live index, or null when closed. */
	String generation();

	/**
	 * The last change searches see: this one and every one before it are searchable.
	 */
	ChangePosition searchableChange();

	/** Whether the change, and so every one before it, is searchable. */
	default boolean holds(ChangePosition change) {
		return !change.isAfter(searchableChange());
	}

}
