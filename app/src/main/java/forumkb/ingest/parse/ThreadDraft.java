package forumkb.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A thread being put together field by field, so each parser sets what its source shows
 * instead of repeating the fifteen-argument {@link ParsedThread} constructor. Text-dump
 * readers also record the line range the thread came from.
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

	int firstLine;

	int lastLine;

	ThreadDraft() {
	}

	ThreadDraft(int firstLine, int lastLine) {
		this.firstLine = firstLine;
		this.lastLine = lastLine;
	}

	/**
	 * Sets url, source and externalId from a thread URL; {@code fallbackSource} when the
	 * URL names no host.
	 */
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

	/**
	 * Page-wide facts (a listing's subtopic, a tag page's tag) fill what the row itself
	 * leaves open.
	 */
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

	/** For a text dump: the page's source, unless the thread's own URL names one. */
	ParsedThread build(String pageSource, String origin) {
		if (url != null) {
			located(url, pageSource);
		}
		else {
			source = pageSource;
		}
		return build(new Provenance(origin, firstLine, lastLine));
	}

	/**
	 * Dates the source left out come from the posts: first post opens, last post is the
	 * last activity.
	 */
	ParsedThread build(Provenance provenance) {
		Instant first = posts.stream()
			.map(ParsedPost::createdAt)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
		Instant last = posts.stream()
			.map(ParsedPost::createdAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
		return new ParsedThread(source, externalId, url, Values.text(title), Values.text(topic), Values.text(subtopic),
				List.copyOf(tags), createdAt == null ? first : createdAt,
				lastActivityAt == null ? last : lastActivityAt, replies, boosts, views, posts, excerpt, provenance);
	}

}
