package forumkb.ingest.parse;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns HTML into the plain text we store and index. Every parser that meets HTML (pages,
 * feed entries, Discourse {@code cooked}) goes through here so a post reads the same
 * whichever way it arrived.
 *
 * <p>
 * Rules: {@code pre} keeps its exact line layout (error dumps and code are what triage
 * matches on); other whitespace collapses; block elements become paragraphs separated by
 * a blank line; {@code br} is a line break; list items are {@code "- "} lines; script,
 * style and page chrome (nav, header, footer, forms) are dropped. Entities come out
 * decoded.
 */
public final class HtmlText {

	private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "nav", "header",
			"footer", "form", "button", "svg", "iframe", "head", "select", "textarea");

	private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "aside", "main", "blockquote",
			"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "figure",
			"figcaption", "details", "summary", "hr", "address", "body");

	private static final Set<String> LINES = Set.of("li", "td", "th", "option");

	private HtmlText() {
	}

	/** Text of an HTML fragment or document; blank for null input. */
	public static String fromHtml(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		return of(Jsoup.parseBodyFragment(html).body());
	}

	/** Text of an element, paragraphs separated by blank lines. */
	public static String of(Element root) {
		return render(root, 2);
	}

	/**
	 * Text of an element with one block per line: what a text-dump parser expects of a
	 * page.
	 */
	public static String lines(Element root) {
		return render(root, 1);
	}

	private static String render(Element root, int blockBreak) {
		if (root == null) {
			return "";
		}
		Writer out = new Writer(blockBreak);
		out.walk(root);
		return out.finish();
	}

	/**
	 * Accumulates text, holding line breaks back until real text follows so none pile up.
	 */
	private static final class Writer {

		private final StringBuilder text = new StringBuilder();

		private final int blockBreak;

		private int pendingBreaks;

		Writer(int blockBreak) {
			this.blockBreak = blockBreak;
		}

		void walk(Node node) {
			if (node instanceof TextNode textNode) {
				inline(textNode.getWholeText());
			}
			else if (node instanceof Element element) {
				element(element);
			}
		}

		private void element(Element element) {
			String tag = element.normalName();
			if (DROPPED.contains(tag)) {
				return;
			}
			if (tag.equals("br")) {
				breakLines(1);
				return;
			}
			if (tag.equals("pre")) {
				breakLines(blockBreak);
				verbatim(element.wholeText());
				breakLines(blockBreak);
				return;
			}
			int around = BLOCKS.contains(tag) ? blockBreak : LINES.contains(tag) ? 1 : 0;
			breakLines(around);
			if (tag.equals("li")) {
				inline("- ");
			}
			for (Node child : element.childNodes()) {
				walk(child);
			}
			breakLines(around);
		}

		private void inline(String raw) {
			String collapsed = raw.replace('\u00a0', ' ').replaceAll("\\s+", " ");
			if (collapsed.isBlank()) {
				if (!collapsed.isEmpty() && pendingBreaks == 0 && !text.isEmpty()
						&& text.charAt(text.length() - 1) != ' ') {
					text.append(' ');
				}
				return;
			}
			flushBreaks();
			boolean atLineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n';
			boolean afterSpace = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
			text.append(atLineStart || afterSpace ? collapsed.stripLeading() : collapsed);
		}

		private void verbatim(String code) {
			String trimmed = code.replaceAll("^\\n+|\\s+$", "");
			if (trimmed.isEmpty()) {
				return;
			}
			flushBreaks();
			text.append(trimmed);
		}

		private void breakLines(int count) {
			pendingBreaks = Math.max(pendingBreaks, count);
		}

		private void flushBreaks() {
			if (pendingBreaks > 0 && !text.isEmpty()) {
				stripTrailingSpaces();
				text.append("\n".repeat(pendingBreaks));
			}
			pendingBreaks = 0;
		}

		private void stripTrailingSpaces() {
			while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
				text.setLength(text.length() - 1);
			}
		}

		String finish() {
			// Only trailing space goes: a leading pre block keeps its indentation.
			return text.toString().stripTrailing();
		}

	}

}
