package forumkb.bench;

import java.time.Instant;

/** One post of a generated thread; {@code role} is question, answer or comment. */
public record GeneratedPost(String author, String body, Instant createdAt, String role,
        boolean accepted) {
}
