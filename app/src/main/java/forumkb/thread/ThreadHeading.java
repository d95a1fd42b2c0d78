package forumkb.thread;

import java.time.Instant;

/**
 * What other features show of a thread they point at: its title and link, and when it
 * started (null when the source did not say).
 */
public record ThreadHeading(long id, String title, String url, Instant createdAt) {
}
