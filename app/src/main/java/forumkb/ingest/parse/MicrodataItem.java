package forumkb.ingest.parse;

import java.util.Arrays;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A schema.org item from HTML microdata ({@code itemscope itemtype itemprop}). A property
 * belongs to the nearest enclosing item only, so a comment's author is not the post's
 * author.
 */
final class MicrodataItem implements SchemaItem {

	private final Element element;

	private MicrodataItem(Element element) {
		this.element = element;
	}

	/** The first forum-thread item on the page, or null. */
	static MicrodataItem findThread(Document doc) {
		for (Element scope : doc.select("[itemscope][itemtype]")) {
			MicrodataItem item = new MicrodataItem(scope);
			if (SchemaOrgThread.THREAD_TYPES.contains(item.type())) {
				return item;
			}
		}
		return null;
	}

	@Override
	public String type() {
		return element.attr("itemtype").strip().replaceFirst("\\s.*$", "").replaceFirst("^.*[/#]", "");
	}

	@Override
	public String value(String property) {
		Element found = property(property);
		if (found == null) {
			return null;
		}
		if (found.hasAttr("itemscope")) {
			MicrodataItem nested = new MicrodataItem(found);
			String name = nested.value("name");
			return name != null ? name : Values.text(found.text());
		}
		for (String attr : List.of("content", "datetime", "href", "src")) {
			if (found.hasAttr(attr)) {
				return Values.text(found.absUrl(attr).isEmpty() ? found.attr(attr) : found.absUrl(attr));
			}
		}
		return Values.text(found.text());
	}

	@Override
	public String prose(String property) {
		Element found = property(property);
		if (found == null) {
			return null;
		}
		return found.hasAttr("content") ? Values.text(found.attr("content")) : Values.text(HtmlText.of(found));
	}

	@Override
	public List<SchemaItem> items(String property) {
		return properties(property).stream()
			.filter(e -> e.hasAttr("itemscope"))
			.map(e -> (SchemaItem) new MicrodataItem(e))
			.toList();
	}

	@Override
	public List<String> values(String property) {
		return properties(property).stream()
			.flatMap(e -> Arrays.stream((e.hasAttr("content") ? e.attr("content") : e.text()).split(",")))
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.toList();
	}

	private Element property(String name) {
		List<Element> found = properties(name);
		return found.isEmpty() ? null : found.get(0);
	}

	private List<Element> properties(String name) {
		return element.select("[itemprop~=(^|\\s)" + name + "($|\\s)]")
			.stream()
			.filter(e -> e != element && owner(e) == element)
			.toList();
	}

	private static Element owner(Element property) {
		Element parent = property.parent();
		return parent == null ? null : parent.closest("[itemscope]");
	}

}
