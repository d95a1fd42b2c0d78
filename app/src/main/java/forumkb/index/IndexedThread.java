package forumkb.index;

import java.time.Instant;
import java.util.List;

/**
 * What the index needs of a stored thread: its text, facets and entities, and which
 * change of it this is.
 */
public record IndexedThread(long id, ChangePosition change, String source, String url, String title, String topic,
		String subtopic, List<String> tags, Instant createdAt, Instant lastActivityAt, Integer replies, Integer views,
		boolean excerpt, String question, String acceptedAnswer, String otherPosts, List<Entity> entities) {

	/** An extracted entity as stored: kind (wire name) and normalised value. */
	public record Entity(String kind, String value) {
	}

	public boolean answered() {
		return acceptedAnswer != null;
	}
}
