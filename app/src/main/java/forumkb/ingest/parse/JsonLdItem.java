package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A schema.org item from a page's {@code <script type="application/ld+json">}. */
final class JsonLdItem implements SchemaItem {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode node;

	private JsonLdItem(JsonNode node) {
		this.node = node;
	}

	/**
	 * The first forum-thread item in the page's JSON-LD blocks (top level, in arrays or
	 * in {@code @graph}); null if none.
	 */
	static JsonLdItem findThread(Document doc) {
		for (Element script : doc.select("script[type=application/ld+json]")) {
			JsonNode root;
			try {
				root = JSON.readTree(script.data());
			}
			catch (JacksonException e) {
				continue; // a broken block is common on real pages; other blocks may
							// still hold the thread
			}
			List<JsonNode> candidates = new ArrayList<>();
			flatten(root, candidates);
			for (JsonNode candidate : candidates) {
				JsonLdItem item = new JsonLdItem(candidate);
				if (SchemaOrgThread.THREAD_TYPES.contains(item.type())) {
					return item;
				}
			}
		}
		return null;
	}

	private static void flatten(JsonNode node, List<JsonNode> into) {
		if (node.isArray()) {
			node.values().forEach(child -> flatten(child, into));
		}
		else if (node.isObject()) {
			into.add(node);
			flatten(node.path("@graph"), into);
		}
	}

	@Override
	public String type() {
		JsonNode type = node.path("@type");
		String name = type.isArray() && !type.isEmpty() ? scalar(type.get(0)) : scalar(type);
		return name == null ? "" : name.replaceFirst("^.*[/#]", "");
	}

	@Override
	public String value(String property) {
		JsonNode value = one(node.path(property));
		if (value.isObject()) {
			// A nested item stands for its name; an action like {"@type": "ViewAction"}
			// for its type.
			for (String key : List.of("name", "@id", "@type")) {
				String found = scalar(value.path(key));
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return scalar(value);
	}

	@Override
	public String prose(String property) {
		return Values.text(HtmlText.fromHtml(scalar(one(node.path(property)))));
	}

	@Override
	public List<SchemaItem> items(String property) {
		JsonNode value = node.path(property);
		List<SchemaItem> items = new ArrayList<>();
		for (JsonNode child : value.isArray() ? value.values() : List.of(value)) {
			if (child.isObject()) {
				items.add(new JsonLdItem(child));
			}
		}
		return items;
	}

	@Override
	public List<String> values(String property) {
		JsonNode value = node.path(property);
		if (value.isArray()) {
			return value.values().stream().map(JsonLdItem::scalar).filter(v -> v != null).toList();
		}
		String single = scalar(value);
		return single == null ? List.of() : Arrays.stream(single.split(",")).map(String::strip).toList();
	}

	private static JsonNode one(JsonNode value) {
		return value.isArray() && !value.isEmpty() ? value.get(0) : value;
	}

	private static String scalar(JsonNode value) {
		return value.isString() || value.isNumber() || value.isBoolean() ? Values.text(value.asString()) : null;
	}

}
