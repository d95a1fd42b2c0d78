package forumkb.index;

import java.util.Map;

/**
 * An index beside the search index that follows the change feed at its own, slower pace
 * (the sentence vectors); {@code GET /api/admin/index} shows its progress under its name.
 */
public interface FeedFollower {

	String name();

	/** Its state for an admin: what it has applied, its backlog, how fast it goes. */
	Map<String, Object> status();

}
