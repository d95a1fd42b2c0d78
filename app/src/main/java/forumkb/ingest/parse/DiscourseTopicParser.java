package forumkb.ingest.parse;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Discourse topic as served at {@code /t/{id}.json}. The origin, when it is the
 * topic's URL, gives the host (the source) and the base of the topic URL
 * {@code https://host/t/slug/id}; the JSON itself carries no host.
 *
 * <p>
 * Discourse sends only the first posts of a long topic in {@code post_stream.posts}, so a
 * topic with fewer posts here than {@code posts_count} is an excerpt.
 */
public final class DiscourseTopicParser implements ThreadParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public ParseResult parse(String origin, String content) {
		if (content == null || content.isBlank()) {
			return ParseResult.failure(origin, "empty Discourse topic document");
		}
		JsonNode topic;
		try {
			topic = JSON.readTree(content);
		}
		catch (JacksonException e) {
			TokenStreamLocation at = e.getLocation();
			Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
			String where = line == null ? "" : " at line " + line + ", column " + at.getColumnNr();
			return new ParseResult(List.of(),
					List.of(new ParseFailure(origin, line, "not valid JSON" + where + ": " + e.getOriginalMessage())));
		}
		if (!topic.isObject()) {
			return ParseResult.failure(origin, "a Discourse topic is a JSON object, found " + topic.getNodeType());
		}
		JsonNode posts = topic.path("post_stream").path("posts");
		if (!posts.isArray()) {
			return ParseResult.failure(origin,
					"not a Discourse topic: no post_stream.posts array (expected the JSON of /t/{id}.json)");
		}
		ThreadDraft draft = header(topic, origin);
		readPosts(posts, topic.path("accepted_answer").path("post_number").asInt(-1), draft);
		if (draft.posts.isEmpty() && draft.title == null) {
			return ParseResult.failure(origin, "Discourse topic has neither a title nor a post with text");
		}
		Integer postsCount = number(topic, "posts_count");
		draft.excerpt = postsCount != null && draft.posts.size() < postsCount;
		return ParseResult.of(List.of(draft.build(Provenance.of(origin))));
	}

	private static ThreadDraft header(JsonNode topic, String origin) {
		String id = text(topic, "id");
		String slug = text(topic, "slug");
		String base = ThreadUrls.base(origin);
		ThreadDraft draft = new ThreadDraft();
		if (base != null && id != null) {
			draft.located(base + "/t/" + (slug == null ? "topic" : slug) + "/" + id, "discourse");
		}
		else {
			draft.source = base == null ? "discourse" : ThreadUrls.identify(base).source();
		}
		draft.externalId = id;
		draft.title = text(topic, "title");
		draft.createdAt = Values.instant(text(topic, "created_at"));
		draft.lastActivityAt = Values.instant(text(topic, "last_posted_at"));
		Integer postsCount = number(topic, "posts_count");
		// "Replies" as Apple counts them: every post after the first. reply_count counts
		// only
		// posts answering another post, so it is the fallback.
		draft.replies = postsCount != null ? Integer.valueOf(Math.max(0, postsCount - 1))
				: number(topic, "reply_count");
		draft.boosts = number(topic, "like_count");
		draft.views = number(topic, "views");
		for (JsonNode tag : topic.path("tags")) {
			draft.tag(tag.isObject() ? text(tag, "name") : tag.isString() ? tag.stringValue() : null);
		}
		return draft;
	}

	/**
	 * Deleted and empty posts (blank {@code cooked}) are skipped; post number 1 is the
	 * question.
	 */
	private static void readPosts(JsonNode posts, int acceptedNumber, ThreadDraft draft) {
		for (JsonNode post : posts) {
			String body = Values.text(HtmlText.fromHtml(text(post, "cooked")));
			if (body == null) {
				continue;
			}
			int number = post.path("post_number").asInt(draft.posts.size() + 1);
			boolean accepted = number != 1
					&& (post.path("accepted_answer").asBoolean(false) || number == acceptedNumber);
			PostRole role = number == 1 ? PostRole.QUESTION : PostRole.ANSWER;
			draft.posts.add(new ParsedPost(text(post, "username"), body, Values.instant(text(post, "created_at")), role,
					accepted));
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() || value.isNumber() ? Values.text(value.asString()) : null;
	}

	private static Integer number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
	}

}
