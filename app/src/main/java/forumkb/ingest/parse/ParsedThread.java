package forumkb.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * A thread as a parser found it, before it is stored.
 *
 * <p>
 * {@code excerpt} is true when the source shows only part of the thread (a listing or a
 * feed entry); a stored full thread is never replaced by an excerpt of it. Counts are
 * null where the source does not show them.
 */
public record ParsedThread(String source, String externalId, String url, String title, String topic, String subtopic,
		List<String> tags, Instant createdAt, Instant lastActivityAt, Integer replies, Integer boosts, Integer views,
		List<ParsedPost> posts, boolean excerpt, Provenance provenance) {

	public ParsedThread {
		tags = tags == null ? List.of() : List.copyOf(tags);
		posts = posts == null ? List.of() : List.copyOf(posts);
	}

	public ParsedThread withProvenance(Provenance value) {
		return new ParsedThread(source, externalId, url, title, topic, subtopic, tags, createdAt, lastActivityAt,
				replies, boosts, views, posts, excerpt, value);
	}
}
