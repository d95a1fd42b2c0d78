package forumkb.ingest.parse;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads RSS 2.0 and Atom feeds (ROME). Each entry is an excerpt thread: a feed shows the
 * start of a thread, never all of it, so it must not replace a stored full thread. An
 * entry with neither title nor text is reported on its own; the other entries still come
 * out.
 */
public final class FeedParser implements ThreadParser {

	/** Apple forum tag feeds: {@code https://developer.apple.com/forums/tags/xpc/rss}. */
	private static final Pattern APPLE_TAG_FEED = Pattern.compile("developer\\.apple\\.com/forums/tags/([^/?#]+)");

	@Override
	public ParseResult parse(String origin, String content) {
		if (content == null || content.isBlank()) {
			return ParseResult.failure(origin, "empty feed document");
		}
		SyndFeed feed;
		try {
			// ROME refuses a prolog after whitespace or a byte-order mark, which copied
			// files often have.
			feed = new SyndFeedInput().build(new StringReader(content.replaceFirst("^\uFEFF?\\s+", "")));
		}
		catch (ParsingFeedException e) {
			Integer line = e.getLineNumber() > 0 ? e.getLineNumber() : null;
			String where = line == null ? "" : " at line " + line + ", column " + e.getColumnNumber();
			return new ParseResult(List.of(),
					List.of(new ParseFailure(origin, line, "malformed feed XML" + where + ": " + rootMessage(e))));
		}
		catch (FeedException | IllegalArgumentException e) {
			return ParseResult.failure(origin, "not an RSS or Atom feed: " + rootMessage(e));
		}
		List<String> feedTags = feedTags(feed, origin);
		List<ParsedThread> threads = new ArrayList<>();
		List<ParseFailure> failures = new ArrayList<>();
		List<SyndEntry> entries = feed.getEntries();
		for (int i = 0; i < entries.size(); i++) {
			SyndEntry entry = entries.get(i);
			ThreadDraft draft = entry(entry, feedTags);
			if (draft == null) {
				failures.add(new ParseFailure(origin + " entry " + (i + 1) + describe(entry), null,
						"feed entry has neither a title nor a description"));
			}
			else {
				threads.add(draft.build(Provenance.of(origin)));
			}
		}
		if (threads.isEmpty() && failures.isEmpty()) {
			failures.add(new ParseFailure(origin, null, "feed has no entries"));
		}
		return new ParseResult(threads, failures);
	}

	private static ThreadDraft entry(SyndEntry entry, List<String> feedTags) {
		String title = Values.text(entry.getTitle());
		String body = body(entry);
		if (title == null && body == null) {
			return null;
		}
		ThreadDraft draft = new ThreadDraft().located(link(entry), "feed");
		draft.title = title;
		draft.excerpt = true;
		draft.createdAt = instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
		draft.lastActivityAt = instant(
				entry.getUpdatedDate() != null ? entry.getUpdatedDate() : entry.getPublishedDate());
		feedTags.forEach(draft::tag);
		for (SyndCategory category : entry.getCategories()) {
			draft.tag(category.getName());
		}
		if (body != null) {
			draft.posts.add(new ParsedPost(author(entry), body, draft.createdAt, PostRole.QUESTION, false));
		}
		return draft;
	}

	/**
	 * Atom content before summary (it is the fuller text); HTML becomes plain text, plain
	 * text stays as written.
	 */
	private static String body(SyndEntry entry) {
		List<SyndContent> candidates = new ArrayList<>(entry.getContents());
		if (entry.getDescription() != null) {
			candidates.add(entry.getDescription());
		}
		for (SyndContent content : candidates) {
			String value = content.getValue();
			String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
			String text = type.equals("text") || type.equals("text/plain") ? Values.text(value)
					: Values.text(HtmlText.fromHtml(value));
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static String link(SyndEntry entry) {
		if (entry.getLink() != null) {
			return entry.getLink();
		}
		return entry.getLinks().isEmpty() ? entry.getUri() : entry.getLinks().get(0).getHref();
	}

	private static String author(SyndEntry entry) {
		String author = Values.text(entry.getAuthor());
		if (author == null && !entry.getAuthors().isEmpty()) {
			author = Values.text(entry.getAuthors().get(0).getName());
		}
		return author;
	}

	/**
	 * Tags every entry of this feed shares: the channel's categories, and for an Apple
	 * tag feed the tag itself (the feed title, e.g. "XPC", when it is short, else the tag
	 * from the URL).
	 */
	private static List<String> feedTags(SyndFeed feed, String origin) {
		List<String> tags = new ArrayList<>(feed.getCategories().stream().map(SyndCategory::getName).toList());
		for (String url : new String[] { feed.getLink(), feed.getUri(), origin }) {
			Matcher tagFeed = url == null ? null : APPLE_TAG_FEED.matcher(url);
			if (tagFeed != null && tagFeed.find()) {
				String title = Values.text(feed.getTitle());
				boolean titleIsTag = title != null && title.length() <= 40
						&& !title.toLowerCase(Locale.ROOT).contains("forum");
				tags.add(titleIsTag ? title : tagFeed.group(1));
				break;
			}
		}
		return tags;
	}

	private static String describe(SyndEntry entry) {
		String link = link(entry);
		return link == null ? "" : " (" + link + ")";
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? e.getMessage() : root.getMessage();
	}

}
