package forumkb.ingest.parse;

import java.time.Instant;

/** One post as a parser found it. Only {@code body} is required. */
public record ParsedPost(String author, String body, Instant createdAt, PostRole role, boolean accepted) {

	public ParsedPost {
		role = role == null ? PostRole.COMMENT : role;
	}
}
