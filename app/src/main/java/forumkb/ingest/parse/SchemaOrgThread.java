package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps schema.org forum items to a thread: a DiscussionForumPosting (or a QAPage's
 * Question) is the question; its {@code comment}s, {@code suggestedAnswer}s and
 * {@code acceptedAnswer} are the replies, ordered by date where they all have one.
 */
final class SchemaOrgThread {

	static final Set<String> THREAD_TYPES = Set.of("DiscussionForumPosting", "Question", "QAPage",
			"SocialMediaPosting");

	private SchemaOrgThread() {
	}

	/** The thread, or null when the item has neither title nor post text. */
	static ThreadDraft read(SchemaItem root, ThreadDraft draft) {
		SchemaItem thread = root.type().equals("QAPage") && !root.items("mainEntity").isEmpty()
				? root.items("mainEntity").get(0) : root;
		draft.title = first(thread.value("headline"), thread.value("name"));
		String url = first(thread.value("url"), thread.value("mainEntityOfPage"));
		if (url != null && ThreadUrls.isWebUrl(url)) {
			draft.located(url, draft.source);
		}
		draft.createdAt = Values.instant(first(thread.value("datePublished"), thread.value("dateCreated")));
		draft.lastActivityAt = Values.instant(thread.value("dateModified"));
		draft.topic = thread.value("articleSection");
		thread.values("keywords").forEach(draft::tag);
		String body = first(thread.prose("text"), thread.prose("articleBody"), thread.prose("description"));
		if (body == null && draft.title == null) {
			return null;
		}
		if (body != null) {
			draft.posts.add(post(thread, body, PostRole.QUESTION, false));
		}
		List<ParsedPost> replies = new ArrayList<>();
		addReplies(thread, false, replies);
		if (replies.stream().allMatch(p -> p.createdAt() != null)) {
			replies.sort(Comparator.comparing(ParsedPost::createdAt));
		}
		draft.posts.addAll(replies);
		counts(thread, draft);
		return draft;
	}

	/**
	 * Replies to the thread are answers; replies to those replies are comments, flattened
	 * into the thread.
	 */
	private static void addReplies(SchemaItem parent, boolean nested, List<ParsedPost> into) {
		for (String property : List.of("acceptedAnswer", "suggestedAnswer", "comment")) {
			for (SchemaItem reply : parent.items(property)) {
				String text = first(reply.prose("text"), reply.prose("articleBody"));
				if (text != null) {
					boolean accepted = property.equals("acceptedAnswer");
					into.add(post(reply, text, nested && !accepted ? PostRole.COMMENT : PostRole.ANSWER, accepted));
				}
				addReplies(reply, true, into);
			}
		}
	}

	private static ParsedPost post(SchemaItem item, String body, PostRole role, boolean accepted) {
		return new ParsedPost(item.value("author"), body,
				Values.instant(first(item.value("datePublished"), item.value("dateCreated"))), role, accepted);
	}

	/**
	 * interactionStatistic counters, with commentCount / answerCount for replies when
	 * there is no counter.
	 */
	private static void counts(SchemaItem thread, ThreadDraft draft) {
		for (SchemaItem stat : thread.items("interactionStatistic")) {
			String kind = String.valueOf(stat.value("interactionType")).toLowerCase(Locale.ROOT);
			Integer count = ForumValues.countIn(stat.value("userInteractionCount"));
			if (kind.contains("comment") || kind.contains("reply")) {
				draft.replies = count;
			}
			else if (kind.contains("view") || kind.contains("watch")) {
				draft.views = count;
			}
			else if (kind.contains("like") || kind.contains("agree")) {
				draft.boosts = count;
			}
		}
		if (draft.replies == null) {
			draft.replies = ForumValues.countIn(first(thread.value("commentCount"), thread.value("answerCount")));
		}
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
