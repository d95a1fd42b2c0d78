package forumkb.ingest.parse;

import java.util.List;
import java.util.function.BiConsumer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where one kind of forum page keeps its parts, as CSS selectors tried in order (the
 * first that matches wins, so put the most specific first). {@link MarkupThreadReader}
 * does the reading.
 *
 * @param detect a page counts as this kind when any of these match (empty: always)
 * @param posts elements that are one post each; may nest (Apple comments sit inside
 * replies)
 * @param extras site-specific fields (topics, counts) read after the posts
 */
record Markup(String name, List<String> detect, String posts, List<String> title, List<String> body,
		List<String> author, List<String> date, String accepted, String comment, String tags,
		BiConsumer<Document, ThreadDraft> extras) {

	/** Apple Developer Forums thread pages. */
	static final Markup APPLE = new Markup("apple",
			List.of("meta[property=og:site_name][content*=Apple Developer]", "article.thread-post"),
			"article.thread-post, article[class*=post], .forums-post", List.of("h1.thread-title", "main h1", "h1"),
			List.of(".thread-body", ".post-body", ".post-content"),
			List.of(".post-author .user-profile-link", ".user-profile-link", ".post-author", "[rel=author]"),
			List.of("time[datetime]", "[itemprop=datePublished]"),
			".accepted-answer, .accepted-badge, [data-accepted=true]", ".thread-comment, .comment",
			"a[href*=/forums/tags/]", (doc, draft) -> {
				appleTopics(doc, draft);
				PageStats.read(doc.select(".thread-stats, .stats"), draft);
			});

	/**
	 * Discourse topics, both the Ember view ({@code .topic-post}) and the crawler view.
	 */
	static final Markup DISCOURSE = new Markup("discourse",
			List.of("meta[name=generator][content*=Discourse]", ".topic-post", ".crawler-post"),
			".topic-post, .crawler-post", List.of("#topic-title h1", ".fancy-title", "h1"),
			List.of(".cooked", "[itemprop=text]", ".post"),
			List.of("[itemprop=author] [itemprop=name]", ".username", ".creator", ".names a"),
			List.of("[data-time]", "time[datetime]", "[itemprop=datePublished]"),
			".accepted-answer, [itemprop=acceptedAnswer], .post-accepted", ".small-action",
			".discourse-tag, a[href*=/tag/]", (doc, draft) -> {
				List<String> categories = doc
					.select(".badge-category__name, .category-name, " + "[itemtype*=BreadcrumbList] [itemprop=name]")
					.eachText();
				draft.topic = categories.isEmpty() ? null : categories.get(0);
				draft.subtopic = categories.size() > 1 ? categories.get(1) : null;
				PageStats.read(doc.select(".topic-map li, .topic-map"), draft);
			});

	/**
	 * Any forum software: article elements and the usual {@code .post} / {@code .message}
	 * classes.
	 */
	static final Markup GENERIC = new Markup("generic", List.of(), "article, .post, .message, .forum-post, .comment",
			List.of("main h1", "h1", ".thread-title", ".topic-title"),
			List.of(".post-body", ".post-content", ".message-body", ".message-content", ".entry-content", ".content",
					".body", "[itemprop=text]"),
			List.of("[itemprop=author] [itemprop=name]", ".author", ".username", ".user-name", "[rel=author]",
					".post-author", ".byline"),
			List.of("time[datetime]", "[itemprop=datePublished]", "[data-time]"),
			".accepted-answer, .accepted, .solution, [itemprop=acceptedAnswer]", ".comment",
			"a[rel=tag], .tags a, .tag",
			(doc, draft) -> PageStats.read(doc.select(".thread-stats, .topic-stats, .stats"), draft));

	boolean matches(Document doc) {
		return detect.isEmpty() || detect.stream().anyMatch(css -> doc.selectFirst(css) != null);
	}

	/**
	 * Apple's breadcrumbs link {@code /forums/topics/<topic>} and
	 * {@code /forums/topics/<topic>/<subtopic>}; the depth of the link says which is
	 * which, whatever the labels are.
	 */
	private static void appleTopics(Document doc, ThreadDraft draft) {
		for (Element link : doc.select("a[href*=/forums/topics/]")) {
			String rest = link.attr("href").replaceFirst("^.*?/forums/topics/", "").replaceAll("[?#].*$|/$", "");
			int depth = rest.isEmpty() ? 0 : rest.split("/").length;
			if (depth == 1 && draft.topic == null) {
				draft.topic = link.text();
			}
			else if (depth == 2 && draft.subtopic == null) {
				draft.subtopic = link.text();
			}
		}
	}
}
