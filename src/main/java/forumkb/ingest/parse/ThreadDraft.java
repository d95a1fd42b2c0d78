package forumkb.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A thread being read from a dump; the readers fill in what the page shows. */
final class ThreadDraft {

    String url;
    String title;
    String topic;
    String subtopic;
    final Set<String> tags = new LinkedHashSet<>();
    Instant lastActivityAt;
    Integer replies;
    Integer boosts;
    Integer views;
    final List<ParsedPost> posts = new ArrayList<>();
    boolean excerpt;
    int firstLine;
    int lastLine;

    ThreadDraft(int firstLine, int lastLine) {
        this.firstLine = firstLine;
        this.lastLine = lastLine;
    }

    /** Page-wide facts (a listing's subtopic, a tag page's tag) fill what the row itself leaves open. */
    void applyPage(String pageTopic, String pageSubtopic, String pageTag) {
        if (subtopic == null && pageSubtopic != null) {
            subtopic = pageSubtopic;
            if (topic == null) {
                topic = pageTopic;
            }
        }
        if (pageTag != null && tags.stream().noneMatch(pageTag::equalsIgnoreCase)) {
            tags.add(pageTag);
        }
    }

    ParsedThread build(String source, String origin) {
        String externalId = url == null ? null : ForumValues.threadId(url);
        return new ParsedThread(source, externalId, url, title, topic, subtopic, List.copyOf(tags), null,
                lastActivityAt, replies, boosts, views, posts, excerpt,
                new Provenance(origin, firstLine, lastLine));
    }
}
