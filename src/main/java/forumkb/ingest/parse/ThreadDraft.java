package forumkb.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A thread being put together field by field, so each parser sets what its source shows
 * instead of repeating the fifteen-argument {@link ParsedThread} constructor.
 */
final class ThreadDraft {

    String source;
    String externalId;
    String url;
    String title;
    String topic;
    String subtopic;
    final Set<String> tags = new LinkedHashSet<>();
    Instant createdAt;
    Instant lastActivityAt;
    Integer replies;
    Integer boosts;
    Integer views;
    final List<ParsedPost> posts = new ArrayList<>();
    boolean excerpt;

    /** Sets url, source and externalId from a thread URL; {@code fallbackSource} when the URL names no host. */
    ThreadDraft located(String rawUrl, String fallbackSource) {
        ThreadUrls.Identity identity = ThreadUrls.identify(rawUrl);
        url = ThreadUrls.canonical(rawUrl);
        source = identity.source() == null ? fallbackSource : identity.source();
        externalId = identity.externalId();
        return this;
    }

    void tag(String value) {
        String tag = Values.text(value);
        if (tag != null) {
            tags.add(tag);
        }
    }

    /** Dates the source left out come from the posts: first post opens, last post is the last activity. */
    ParsedThread build(Provenance provenance) {
        Instant first = posts.stream().map(ParsedPost::createdAt).filter(d -> d != null).min(Instant::compareTo).orElse(null);
        Instant last = posts.stream().map(ParsedPost::createdAt).filter(d -> d != null).max(Instant::compareTo).orElse(null);
        return new ParsedThread(source, externalId, url, Values.text(title), Values.text(topic), Values.text(subtopic),
                List.copyOf(tags), createdAt == null ? first : createdAt, lastActivityAt == null ? last : lastActivityAt,
                replies, boosts, views, posts, excerpt, provenance);
    }
}
