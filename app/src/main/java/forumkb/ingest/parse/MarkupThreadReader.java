package forumkb.ingest.parse;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a thread out of a page's own markup as described by a {@link Markup}. The first
 * post is the question; posts marked as accepted are accepted answers; posts matching the
 * comment selector are comments; the rest are answers.
 */
final class MarkupThreadReader {

	private MarkupThreadReader() {
	}

	/** The thread on the page, or null when the markup finds no post with text. */
	static ThreadDraft read(Document doc, Markup markup, ThreadDraft draft) {
		for (Element post : doc.select(markup.posts())) {
			Element body = ownFirst(post, markup.body(), markup.posts());
			if (body == null && !post.select(markup.posts()).stream().allMatch(e -> e == post)) {
				continue; // a wrapper around other posts, not a post itself
			}
			String text = HtmlText.of(body == null ? post : body);
			if (text.isEmpty()) {
				continue;
			}
			boolean first = draft.posts.isEmpty();
			boolean accepted = !first && isAccepted(post, body, markup);
			PostRole role = first ? PostRole.QUESTION
					: !accepted && post.is(markup.comment()) ? PostRole.COMMENT : PostRole.ANSWER;
			Element author = ownFirst(post, markup.author(), markup.posts());
			Element date = ownFirst(post, markup.date(), markup.posts());
			draft.posts.add(new ParsedPost(author == null ? null : Values.text(author.text()), text,
					date == null ? null : Values.instant(dateValue(date)), role, accepted));
		}
		if (draft.posts.isEmpty()) {
			return null;
		}
		draft.title = firstText(doc, markup.title());
		for (Element tag : doc.select(markup.tags())) {
			draft.tag(tag.text());
		}
		markup.extras().accept(doc, draft);
		return draft;
	}

	/**
	 * The page title: a heading if the markup names one, else og:title, else
	 * {@code <title>} without the site name.
	 */
	static String firstText(Document doc, List<String> selectors) {
		for (String css : selectors) {
			Element found = doc.selectFirst(css);
			if (found != null && !found.text().isBlank()) {
				return found.text();
			}
		}
		Element og = doc.selectFirst("meta[property=og:title]");
		if (og != null && !og.attr("content").isBlank()) {
			return og.attr("content");
		}
		return Values.text(doc.title().replaceFirst("\\s+[|\u2013\u2014-]\\s+[^|\u2013\u2014-]*$", ""));
	}

	/**
	 * Accepted when the post, or a badge in it outside its body, says so (a quote of the
	 * answer inside a body does not).
	 */
	private static boolean isAccepted(Element post, Element body, Markup markup) {
		if (post.is(markup.accepted())) {
			return true;
		}
		return post.select(markup.accepted())
			.stream()
			.anyMatch(
					badge -> (body == null || !badge.parents().contains(body)) && owner(badge, markup.posts()) == post);
	}

	/**
	 * The first match of the selectors, in priority order, that belongs to this post and
	 * not to a post nested in it.
	 */
	private static Element ownFirst(Element post, List<String> selectors, String postSelector) {
		for (String css : selectors) {
			for (Element found : post.select(css)) {
				if (found != post && owner(found, postSelector) == post) {
					return found;
				}
			}
		}
		return null;
	}

	private static Element owner(Element element, String postSelector) {
		Element parent = element.parent();
		return parent == null ? null : parent.closest(postSelector);
	}

	private static String dateValue(Element date) {
		for (String attr : List.of("datetime", "content", "data-time")) {
			if (date.hasAttr(attr) && !date.attr(attr).isBlank()) {
				return date.attr(attr);
			}
		}
		return date.text();
	}

}
