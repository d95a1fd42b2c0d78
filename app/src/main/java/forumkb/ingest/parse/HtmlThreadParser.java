package forumkb.ingest.parse;

import java.util.List;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a forum thread from an HTML page. Tried in order, the first that finds a post
 * wins: Apple Developer Forums markup, Discourse markup, schema.org JSON-LD, schema.org
 * microdata, then common forum markup (article / .post / .message). A page with none of
 * these goes to the text fallback as its visible text, one block per line.
 */
public final class HtmlThreadParser implements ThreadParser {

	private final ThreadParser textFallback;

	/**
	 * @param textFallback reads pages that have no thread markup, e.g. the text-dump
	 * parser
	 */
	public HtmlThreadParser(ThreadParser textFallback) {
		this.textFallback = Objects.requireNonNull(textFallback, "textFallback");
	}

	@Override
	public ParseResult parse(String origin, String content) {
		if (content == null || content.isBlank()) {
			return ParseResult.failure(origin, "empty HTML document");
		}
		Document doc = Jsoup.parse(content, ThreadUrls.isWebUrl(origin) ? origin : "");
		ThreadDraft thread = read(doc, origin);
		if (thread != null) {
			return ParseResult.of(List.of(thread.build(Provenance.of(origin))));
		}
		return fallback(doc, origin);
	}

	private static ThreadDraft read(Document doc, String origin) {
		String pageUrl = pageUrl(doc, origin);
		boolean apple = ThreadUrls.APPLE_SOURCE.equals(ThreadUrls.identify(pageUrl).source());
		if (apple || Markup.APPLE.matches(doc)) {
			ThreadDraft found = MarkupThreadReader.read(doc, Markup.APPLE, located(pageUrl));
			if (found != null) {
				return found;
			}
		}
		if (Markup.DISCOURSE.matches(doc)) {
			ThreadDraft found = MarkupThreadReader.read(doc, Markup.DISCOURSE, located(pageUrl));
			if (found != null) {
				return found;
			}
		}
		for (SchemaItem item : new SchemaItem[] { JsonLdItem.findThread(doc), MicrodataItem.findThread(doc) }) {
			ThreadDraft found = item == null ? null : SchemaOrgThread.read(item, located(pageUrl));
			if (found != null) {
				return found;
			}
		}
		return MarkupThreadReader.read(doc, Markup.GENERIC, located(pageUrl));
	}

	/**
	 * What the fallback reads back is kept only if it found a thread; the page's URL
	 * fills in what text cannot show.
	 */
	private ParseResult fallback(Document doc, String origin) {
		String text = HtmlText.lines(doc.body());
		ParseResult result = text.isBlank() ? null : textFallback.parse(origin, text);
		if (result == null || result.threads().isEmpty()) {
			return ParseResult.failure(origin, "no forum thread found in " + origin);
		}
		ThreadDraft page = located(pageUrl(doc, origin));
		List<ParsedThread> threads = result.threads()
			.stream()
			.map(t -> t.url() != null ? t
					: new ParsedThread(page.source, page.externalId, page.url, t.title(), t.topic(), t.subtopic(),
							t.tags(), t.createdAt(), t.lastActivityAt(), t.replies(), t.boosts(), t.views(), t.posts(),
							t.excerpt(), t.provenance()))
			.toList();
		return new ParseResult(threads, result.failures());
	}

	/**
	 * {@code link rel=canonical}, else {@code og:url}, else the origin when it is a web
	 * address.
	 */
	private static String pageUrl(Document doc, String origin) {
		for (String css : List.of("link[rel=canonical][href]", "meta[property=og:url][content]")) {
			Element found = doc.selectFirst(css);
			if (found != null) {
				String value = found.hasAttr("href") ? found.absUrl("href") : found.attr("content");
				if (ThreadUrls.isWebUrl(value)) {
					return value;
				}
			}
		}
		return ThreadUrls.isWebUrl(origin) ? origin : null;
	}

	private static ThreadDraft located(String pageUrl) {
		return new ThreadDraft().located(pageUrl, "html");
	}

}
