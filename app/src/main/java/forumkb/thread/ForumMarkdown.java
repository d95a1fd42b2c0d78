package forumkb.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * A post's Markdown as HTML that is safe to put in our pages: raw HTML in the post is
 * shown as text, links go only to http, https and mailto (any other becomes its text)
 * with {@code rel="nofollow noopener noreferrer"}, images become links (no remote content
 * is loaded), and headings start at level 3 so the page keeps one H1. A line break in the
 * post is a line break on the page, as on the forums: logs pasted without a fence keep
 * their lines.
 */
@Component
public class ForumMarkdown {

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

	private static final int FIRST_HEADING_LEVEL = 3;

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>\n")
		.attributeProviderFactory(context -> (node, tag, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow noopener noreferrer");
			}
			// A long log line scrolls inside its block: the keyboard must reach it too.
			if ("pre".equals(tag)) {
				attributes.put("tabindex", "0");
			}
		})
		.build();

	public String html(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		Node document = parser.parse(markdown);
		Rewrites rewrites = new Rewrites();
		document.accept(rewrites);
		rewrites.apply();
		return renderer.render(document);
	}

	static boolean allowedLink(String destination) {
		int colon = destination.indexOf(':');
		return colon > 0 && LINK_SCHEMES.contains(destination.substring(0, colon).strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Collects what to change while visiting; changes after, as a tree cannot change
	 * under its visitor.
	 */
	private static final class Rewrites extends AbstractVisitor {

		private final List<Image> images = new ArrayList<>();

		private final List<Link> links = new ArrayList<>();

		@Override
		public void visit(Image image) {
			images.add(image);
			visitChildren(image);
		}

		@Override
		public void visit(Link link) {
			links.add(link);
			visitChildren(link);
		}

		@Override
		public void visit(Heading heading) {
			heading.setLevel(Math.min(6, heading.getLevel() + FIRST_HEADING_LEVEL - 1));
			visitChildren(heading);
		}

		void apply() {
			links.stream().filter(link -> !allowedLink(link.getDestination())).forEach(Rewrites::unwrap);
			for (Image image : images) {
				if (!allowedLink(image.getDestination()) || insideLink(image)) {
					unwrap(image);
					continue;
				}
				Link link = new Link(image.getDestination(), image.getTitle());
				moveChildren(image, link);
				if (link.getFirstChild() == null) {
					link.appendChild(new Text(image.getDestination()));
				}
				image.insertBefore(link);
				image.unlink();
			}
		}

		private static boolean insideLink(Node node) {
			for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
				if (parent instanceof Link) {
					return true;
				}
			}
			return false;
		}

		/** Keeps what the node shows, drops the node. */
		private static void unwrap(Node node) {
			Node child = node.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				node.insertBefore(child);
				child = next;
			}
			node.unlink();
		}

		private static void moveChildren(Node from, Node to) {
			Node child = from.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				to.appendChild(child);
				child = next;
			}
		}

	}

}
