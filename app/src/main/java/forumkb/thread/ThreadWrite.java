package forumkb.thread;

import java.time.Instant;
import java.util.List;

/**
 * A thread as {@link ThreadStore} writes it: what a parser found, with its identity and
 * content hash worked out and the entities already extracted. The ingest side fills it,
 * so the thread package knows nothing of parsers or the extractor.
 *
 * <p>
 * {@code key} identifies the thread across runs and {@code contentHash} tells whether it
 * changed. {@code excerpt} is true when the source showed only part of the thread (a
 * listing or a feed entry): a stored full thread is then only refreshed in its
 * {@link Counts}. Counts are null where the source does not show them.
 */
public record ThreadWrite(String source, String externalId, String url, String key, String contentHash, String title,
		String topic, String subtopic, Instant createdAt, boolean excerpt, Counts counts, Provenance provenance,
		List<String> tags, List<FoundEntity> titleEntities, List<NewPost> posts) {

	public ThreadWrite {
		tags = List.copyOf(tags);
		titleEntities = List.copyOf(titleEntities);
		posts = List.copyOf(posts);
	}

	/** The live counters a listing shows. */
	public record Counts(Integer replies, Integer boosts, Integer views, Instant lastActivityAt) {
	}

	/** Where in the input the thread was read; null when not known. */
	public record Provenance(String origin, Integer firstLine, Integer lastLine) {
	}

	/** A post and the entities found in its body; {@code role} is the wire name. */
	public record NewPost(String author, String body, Instant createdAt, String role, boolean accepted,
			List<FoundEntity> entities) {

		public NewPost {
			entities = List.copyOf(entities);
		}
	}

	/**
	 * An entity found in the title or a post: its kind's wire name, the text as written
	 * and normalised, and its character offsets.
	 */
	public record FoundEntity(String kind, String raw, String normalized, int start, int end) {
	}

}
