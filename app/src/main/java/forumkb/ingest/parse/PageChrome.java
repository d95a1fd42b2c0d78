package forumkb.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the navigation text a forum listing page wraps around its posts (the page
 * heading, "RSS for tag", "Posts under … tag", "72 Posts", the sort hint and the column
 * headers) and reads what it says about the page: which tag or subtopic it lists.
 */
final class PageChrome {

	private static final Pattern POSTS_UNDER = Pattern.compile("Posts under (.+?) (tag|subtopic|topic)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern POST_COUNT = Pattern.compile("[\\d,.]+k? Posts?", Pattern.CASE_INSENSITIVE);

	private static final Set<String> COLUMN_HEADERS = Set.of("post", "replies", "boosts", "views", "activity");

	private static final String SORT_HINT = "selecting any option will automatically load the page";

	/**
	 * How far the chrome of a page header may spread (heading, description, links,
	 * headers).
	 */
	private static final int HEADER_SPAN = 16;

	/**
	 * The span of page-header lines, as indexes into the dump's lines; empty when there
	 * is none.
	 */
	record Header(int first, int last, String pageName, String kind) {

		static final Header NONE = new Header(-1, -1, null, null);

		boolean present() {
			return first >= 0;
		}

		boolean isTagPage() {
			return "tag".equals(kind);
		}
	}

	private PageChrome() {
	}

	/** Lines that are page furniture wherever they stand. */
	static boolean isChrome(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.startsWith("rss for tag") || POSTS_UNDER.matcher(key).matches()
				|| POST_COUNT.matcher(key).matches() || lower.equals(SORT_HINT) || isColumnHeaderRow(lower);
	}

	/**
	 * Chrome, or a single column header word ("Views"), which is chrome only inside a
	 * header.
	 */
	private static boolean isHeaderLine(String key) {
		return isChrome(key) || COLUMN_HEADERS.contains(key.toLowerCase(Locale.ROOT));
	}

	/** True when the text shows Apple Developer Forums page furniture. */
	static boolean looksLikeAppleForums(List<DumpLine> lines) {
		for (DumpLine line : lines) {
			String lower = line.key().toLowerCase(Locale.ROOT);
			if (ForumValues.mentionsForumUrl(lower) || lower.startsWith("rss for tag")
					|| POSTS_UNDER.matcher(line.key()).matches()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Finds the page header: from the heading line just above "RSS for tag" (the tag or
	 * subtopic name) to the last chrome line near it, usually the "Activity" column
	 * header.
	 */
	static Header findHeader(List<DumpLine> lines) {
		int anchor = firstChromeIndex(lines);
		if (anchor < 0) {
			return Header.NONE;
		}
		int first = anchor;
		String pageName = null;
		if (anchor > 0 && isHeading(lines.get(anchor - 1).key())) {
			first = anchor - 1;
			pageName = lines.get(first).key();
		}
		int last = anchor;
		String kind = null;
		for (int i = anchor; i < Math.min(lines.size(), anchor + HEADER_SPAN); i++) {
			String key = lines.get(i).key();
			Matcher postsUnder = POSTS_UNDER.matcher(key);
			if (postsUnder.matches()) {
				pageName = postsUnder.group(1);
				kind = postsUnder.group(2).toLowerCase(Locale.ROOT);
			}
			if (isHeaderLine(key)) {
				last = i;
			}
			// The column headers close the header; below them the rows begin, and a row
			// may itself contain words like "Replies".
			if (key.equalsIgnoreCase("activity") || isColumnHeaderRow(key.toLowerCase(Locale.ROOT))) {
				break;
			}
		}
		// A page that only says "RSS for tag" under its heading is, on the Apple forums,
		// a
		// topic or subtopic listing; tag pages always say "Posts under … tag".
		return new Header(first, last, pageName, kind == null && pageName != null ? "subtopic" : kind);
	}

	private static int firstChromeIndex(List<DumpLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String key = lines.get(i).key();
			String lower = key.toLowerCase(Locale.ROOT);
			// Single words like "Post" or "Views" are chrome only next to other chrome,
			// so
			// they do not start a header on their own.
			if (lower.startsWith("rss for tag") || POSTS_UNDER.matcher(key).matches() || lower.equals(SORT_HINT)
					|| isColumnHeaderRow(lower) || startsColumnHeaders(lines, i)) {
				return i;
			}
		}
		return -1;
	}

	/** "Post" directly followed by "Replies": the column headers, one word per line. */
	private static boolean startsColumnHeaders(List<DumpLine> lines, int i) {
		return i + 1 < lines.size() && lines.get(i).key().equalsIgnoreCase("post")
				&& lines.get(i + 1).key().equalsIgnoreCase("replies");
	}

	private static boolean isColumnHeaderRow(String lower) {
		return lower.matches("post\\s+replies\\s+boosts\\s+views\\s+activity");
	}

	/** A page heading is a short name: no sentence punctuation, not a URL. */
	private static boolean isHeading(String key) {
		return key.length() <= 60 && !key.matches(".*[.?!:;,]$") && !key.contains("://");
	}

}
