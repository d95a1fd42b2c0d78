package forumkb.ingest.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.select.Elements;

/**
 * Reads "Replies 3 · Boosts 1 · Views 1.2k" (Apple) or "1.2k views" (Discourse topic map)
 * out of a page's stats elements. Only the stats area is read: post bodies mention
 * numbers too.
 */
final class PageStats {

	private static final String NUMBER = "(\\d[\\d,.]*[kKmM]?)\\b";

	private static final String LABEL = "(repl(?:y|ies)|boosts?|likes?|views?)";

	private static final Pattern LABEL_FIRST = Pattern.compile(LABEL + "\\W{0,5}" + NUMBER, Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER_FIRST = Pattern.compile(NUMBER + "\\W{0,5}" + LABEL, Pattern.CASE_INSENSITIVE);

	private static final Pattern FIRST_LABEL = Pattern.compile(LABEL, Pattern.CASE_INSENSITIVE);

	private static final Pattern FIRST_NUMBER = Pattern.compile("\\d");

	private PageStats() {
	}

	/**
	 * Sets replies, boosts (likes count as boosts) and views from what the elements show;
	 * keeps values already set.
	 */
	static void read(Elements stats, ThreadDraft draft) {
		for (String text : stats.eachText()) {
			Matcher label = FIRST_LABEL.matcher(text);
			Matcher number = FIRST_NUMBER.matcher(text);
			if (!label.find()) {
				continue;
			}
			// Whichever comes first in the text says which way round this site writes its
			// stats.
			boolean numberFirst = number.find() && number.start() < label.start();
			Matcher m = (numberFirst ? NUMBER_FIRST : LABEL_FIRST).matcher(text);
			while (m.find()) {
				String name = (numberFirst ? m.group(2) : m.group(1)).toLowerCase(Locale.ROOT);
				Integer count = ForumValues.countIn(numberFirst ? m.group(1) : m.group(2));
				if (name.startsWith("repl") && draft.replies == null) {
					draft.replies = count;
				}
				else if ((name.startsWith("boost") || name.startsWith("like")) && draft.boosts == null) {
					draft.boosts = count;
				}
				else if (name.startsWith("view") && draft.views == null) {
					draft.views = count;
				}
			}
		}
	}

}
