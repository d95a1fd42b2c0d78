package forumkb.bench;

import java.time.Instant;
import java.util.List;

/** One generated thread, field for field the canonical JSON Lines import format. */
public record GeneratedThread(
        String source,
        String externalId,
        String url,
        String title,
        String topic,
        String subtopic,
        List<String> tags,
        Instant createdAt,
        Instant lastActivityAt,
        int replies,
        int boosts,
        int views,
        List<GeneratedPost> posts) {
}
