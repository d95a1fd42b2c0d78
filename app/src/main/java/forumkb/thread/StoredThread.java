package forumkb.thread;

import java.time.Instant;
import java.util.List;

/**
 * A thread as stored, with its posts in order, its tags and (where asked for) the
 * entities found in it; {@code change} is the change-feed position of its last write.
 */
public record StoredThread(long id, Change change, String source, String externalId, String url, String title,
		String topic, String subtopic, Instant createdAt, Instant lastActivityAt, Integer replies, Integer boosts,
		Integer views, boolean excerpt, List<String> tags, List<Post> posts, List<Entity> entities) {

	/** Where a write sits in the change feed: its transaction's id, then its number. */
	public record Change(long xid, long seq) {
	}

	/** A post; {@code role} as stored (question, answer or comment). */
	public record Post(int position, String author, String body, Instant createdAt, String role, boolean accepted) {
	}

	/** An extracted entity: kind (wire name) and normalised value. */
	public record Entity(String kind, String value) {
	}

	StoredThread with(List<String> allTags, List<Post> allPosts, List<Entity> allEntities) {
		return new StoredThread(id, change, source, externalId, url, title, topic, subtopic, createdAt, lastActivityAt,
				replies, boosts, views, excerpt, allTags, allPosts, allEntities);
	}

}
