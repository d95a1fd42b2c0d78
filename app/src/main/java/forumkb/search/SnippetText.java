package forumkb.search;

import forumkb.search.SearchResult.SnippetPart;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** A snippet's parts as one text: the API's HTML, or the feeds' plain text. */
final class SnippetText {

	/** The characters HtmlUtils escapes in UTF-8 text. */
	private static final String HTML_SPECIAL = "<>&\"'";

	private SnippetText() {
	}

	/**
	 * The snippet as text; with {@code marked}, matches in {@code <mark>} and everything
	 * else escaped.
	 */
	static String text(List<SnippetPart> parts, boolean marked) {
		StringBuilder text = new StringBuilder();
		for (SnippetPart part : parts) {
			String escaped = marked && needsEscaping(part.text()) ? HtmlUtils.htmlEscape(part.text(), "UTF-8")
					: part.text();
			text.append(marked && part.match() ? "<mark>" + escaped + "</mark>" : escaped);
		}
		return text.toString();
	}

	/**
	 * Most passages have nothing to escape; HtmlUtils copies them a character at a time
	 * regardless.
	 */
	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (HTML_SPECIAL.indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

}
