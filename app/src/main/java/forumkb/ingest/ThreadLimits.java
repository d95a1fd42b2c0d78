package forumkb.ingest;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.util.ArrayList;
import java.util.List;

/** What a thread must satisfy to be stored; anything else is rejected with a reason. */
final class ThreadLimits {

	static final int MAX_TITLE = 1_000;
	static final int MAX_BODY = 1_000_000;
	static final int MAX_POSTS = 5_000;
	static final int MAX_SHORT_FIELD = 2_000;

	/**
	 * Forums allow a handful of tags (Apple's five); 100,000 made one thread's rows a
	 * burden.
	 */
	static final int MAX_TAGS = 50;
	static final int MAX_TAG = 100;

	private ThreadLimits() {
	}

	/** Null when the thread can be stored, else why not. */
	static String violation(ParsedThread thread) {
		if (thread.posts().isEmpty() && thread.title() == null) {
			return "a thread needs a title or at least one post";
		}
		if (thread.title() != null && thread.title().length() > MAX_TITLE) {
			return "title is longer than " + MAX_TITLE + " characters";
		}
		if (thread.posts().size() > MAX_POSTS) {
			return "more than " + MAX_POSTS + " posts";
		}
		if (thread.tags().size() > MAX_TAGS) {
			return "more than " + MAX_TAGS + " tags";
		}
		for (String tag : thread.tags()) {
			if (tag.length() > MAX_TAG) {
				return "a tag is longer than " + MAX_TAG + " characters: " + tag.substring(0, 60) + "…";
			}
		}
		List<String> shortFields = new ArrayList<>(List.of(thread.source()));
		addIfPresent(shortFields, thread.externalId(), thread.url(), thread.topic(), thread.subtopic());
		shortFields.addAll(thread.tags());
		for (String field : shortFields) {
			if (field.length() > MAX_SHORT_FIELD) {
				return "a field is longer than " + MAX_SHORT_FIELD + " characters: " + field.substring(0, 60) + "…";
			}
		}
		if (hasNul(thread.title()) || shortFields.stream().anyMatch(ThreadLimits::hasNul)) {
			return "contains NUL characters (binary data?)";
		}
		for (int i = 0; i < thread.posts().size(); i++) {
			ParsedPost post = thread.posts().get(i);
			if (post.body() == null || post.body().isBlank()) {
				return "post " + (i + 1) + " has an empty body";
			}
			if (post.body().length() > MAX_BODY) {
				return "post " + (i + 1) + " is longer than " + MAX_BODY + " characters";
			}
			if (hasNul(post.body()) || hasNul(post.author())) {
				return "post " + (i + 1) + " contains NUL characters (binary data?)";
			}
		}
		return null;
	}

	private static void addIfPresent(List<String> fields, String... values) {
		for (String value : values) {
			if (value != null) {
				fields.add(value);
			}
		}
	}

	private static boolean hasNul(String value) {
		return value != null && value.indexOf('\0') >= 0;
	}

}
