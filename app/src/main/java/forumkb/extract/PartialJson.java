package forumkb.extract;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads as much of a JSON object as the text holds. A crash report pasted into a forum is
 * often cut off or followed by more prose; what was read up to that point is still worth
 * having, so the tree is built token by token and kept when the stream breaks. Scalars
 * are kept as strings.
 */
final class PartialJson {

	/**
	 * Pastes turn "\n" escapes into real line breaks and leave trailing commas behind.
	 */
	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * The object read (possibly incomplete) and the offset just past its last complete
	 * token.
	 */
	record Read(ObjectNode root, int end) {
	}

	private int end;

	private PartialJson() {
	}

	/**
	 * The object that starts at {@code from} in the text, or null when none starts there.
	 */
	static Read read(String text, int from) {
		PartialJson reader = new PartialJson();
		ObjectNode root = NODES.objectNode();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text.substring(from))) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			reader.fill(parser, root);
		}
		catch (JacksonException e) {
			// cut off or followed by prose: keep what was read
		}
		return root.isEmpty() ? null : new Read(root, from + reader.end);
	}

	private void fill(JsonParser parser, JsonNode container) {
		for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
			end = (int) parser.currentLocation().getCharOffset();
			if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
				return;
			}
			if (token == JsonToken.PROPERTY_NAME) {
				continue;
			}
			JsonNode value = switch (token) {
				case START_OBJECT -> NODES.objectNode();
				case START_ARRAY -> NODES.arrayNode();
				case VALUE_NULL -> NODES.nullNode();
				default -> NODES.stringNode(parser.getString());
			};
			if (container instanceof ObjectNode object) {
				object.set(parser.currentName(), value);
			}
			else {
				((ArrayNode) container).add(value);
			}
			if (value.isContainer()) {
				fill(parser, value);
			}
		}
	}

}
