package forumkb.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical JSON Lines thread format (design.md), both ways: import reads it, export
 * writes it, so export → import reproduces the corpus.
 */
public final class CanonicalFormat {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private CanonicalFormat() {
	}

	/**
	 * Reads one thread object; throws IllegalArgumentException with a readable reason.
	 */
	public static ParsedThread read(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("expected a JSON object for a thread");
		}
		List<ParsedPost> posts = readPosts(node.get("posts"));
		String title = text(node, "title");
		if (posts.isEmpty() && title == null) {
			throw new IllegalArgumentException("a thread needs posts[0].body or a title");
		}
		return new ParsedThread(textOr(node, "source", "import"), text(node, "externalId"), text(node, "url"), title,
				text(node, "topic"), text(node, "subtopic"), strings(node.get("tags")), instant(node, "createdAt"),
				instant(node, "lastActivityAt"), count(node, "replies"), count(node, "boosts"), count(node, "views"),
				posts, node.path("excerpt").asBoolean(false), null);
	}

	/** Writes one thread as a single JSON line (no trailing newline). */
	public static String write(ParsedThread thread) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("source", thread.source());
		putIfPresent(node, "externalId", thread.externalId());
		putIfPresent(node, "url", thread.url());
		putIfPresent(node, "title", thread.title());
		putIfPresent(node, "topic", thread.topic());
		putIfPresent(node, "subtopic", thread.subtopic());
		if (!thread.tags().isEmpty()) {
			ArrayNode tags = node.putArray("tags");
			thread.tags().forEach(tags::add);
		}
		putIfPresent(node, "createdAt", thread.createdAt());
		putIfPresent(node, "lastActivityAt", thread.lastActivityAt());
		putIfPresent(node, "replies", thread.replies());
		putIfPresent(node, "boosts", thread.boosts());
		putIfPresent(node, "views", thread.views());
		if (thread.excerpt()) {
			node.put("excerpt", true);
		}
		ArrayNode posts = node.putArray("posts");
		for (ParsedPost post : thread.posts()) {
			ObjectNode postNode = posts.addObject();
			putIfPresent(postNode, "author", post.author());
			postNode.put("body", post.body());
			putIfPresent(postNode, "createdAt", post.createdAt());
			postNode.put("role", post.role().wireName());
			postNode.put("accepted", post.accepted());
		}
		return MAPPER.writeValueAsString(node);
	}

	private static List<ParsedPost> readPosts(JsonNode postsNode) {
		List<ParsedPost> posts = new ArrayList<>();
		if (postsNode == null || postsNode.isNull()) {
			return posts;
		}
		if (!postsNode.isArray()) {
			throw new IllegalArgumentException("\"posts\" must be an array");
		}
		for (int i = 0; i < postsNode.size(); i++) {
			JsonNode post = postsNode.get(i);
			String body = post.isObject() ? text(post, "body") : null;
			if (body == null) {
				throw new IllegalArgumentException("posts[" + i + "].body is missing or empty");
			}
			PostRole fallback = i == 0 ? PostRole.QUESTION : PostRole.COMMENT;
			posts.add(new ParsedPost(text(post, "author"), body, instant(post, "createdAt"),
					PostRole.fromWire(text(post, "role"), fallback), post.path("accepted").asBoolean(false)));
		}
		return posts;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new IllegalArgumentException("\"" + field + "\" must be a string");
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	private static String textOr(JsonNode node, String field, String fallback) {
		String value = text(node, field);
		return value == null ? fallback : value;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull()) {
			return values;
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException("\"tags\" must be an array of strings");
		}
		for (JsonNode value : node) {
			String tag = value.asString("").strip();
			if (!tag.isEmpty() && !values.contains(tag)) {
				values.add(tag);
			}
		}
		return values;
	}

	private static Integer count(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.canConvertToInt() || value.asInt() < 0) {
			throw new IllegalArgumentException("\"" + field + "\" must be a non-negative whole number, got " + value);
		}
		return value.asInt();
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : parseInstant(field, value);
	}

	/**
	 * ISO instants, offset or local date-times and plain dates; anything else is a bad
	 * line.
	 */
	private static Instant parseInstant(String field, String value) {
		Instant instant = Values.instant(value);
		if (instant == null) {
			throw new IllegalArgumentException("\"" + field + "\" is not an ISO-8601 date: " + value);
		}
		return instant;
	}

	private static void putIfPresent(ObjectNode node, String field, Object value) {
		if (value instanceof Integer number) {
			node.put(field, number);
		}
		else if (value != null) {
			node.put(field, value.toString());
		}
	}

}
