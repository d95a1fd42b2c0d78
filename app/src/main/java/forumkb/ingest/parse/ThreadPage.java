package forumkb.ingest.parse;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a single thread page: the title on the first line, the question, then, when the
 * thread is solved, "Answered by NAME in ID" with the answer, and "Accepted Answer"
 * followed by the same answer again. The page ends with the title repeated and some
 * navigation.
 */
final class ThreadPage {

	private static final Pattern ANSWERED_BY = Pattern.compile("Answered by (.+?) in \\d+");

	private static final String ACCEPTED_ANSWER = "Accepted Answer";

	/** Longer first lines are a post's opening, not a title. */
	private static final int MAX_TITLE_LENGTH = 200;

	private ThreadPage() {
	}

	/** True when the page shows the answer markers only a thread page has. */
	static boolean hasAnswerMarkers(List<DumpLine> lines) {
		return indexOf(lines, 0, ThreadPage::isAnsweredBy) >= 0
				|| indexOf(lines, 0, key -> key.equalsIgnoreCase(ACCEPTED_ANSWER)) >= 0;
	}

	/** True when the text reads as one thread: a title line followed by its question. */
	static boolean looksLikeThread(List<DumpLine> lines) {
		List<DumpLine> page = withoutLeadingUrl(lines);
		return page.size() >= 2 && isTitle(page.getFirst().key());
	}

	static ThreadDraft read(List<DumpLine> page) {
		List<DumpLine> lines = withoutLeadingUrl(page);
		if (lines.isEmpty()) {
			return null;
		}
		String title = lines.getFirst().text().strip();
		int end = contentEnd(lines, lines.getFirst().key());
		int answeredBy = indexOf(lines.subList(0, end), 1, ThreadPage::isAnsweredBy);
		int accepted = indexOf(lines.subList(0, end), 1, key -> key.equalsIgnoreCase(ACCEPTED_ANSWER));
		int questionEnd = firstOf(answeredBy, accepted, end);

		ThreadDraft draft = new ThreadDraft(page.getFirst().number(), lines.get(end - 1).number());
		draft.title = title;
		draft.url = firstThreadUrl(page);
		List<DumpLine> question = withoutUrlLines(lines.subList(1, questionEnd));
		if (!question.isEmpty()) {
			draft.posts.add(new ParsedPost(null, DumpText.body(question), null, PostRole.QUESTION, false));
		}
		addAnswer(lines, draft, answeredBy, accepted, end);
		return draft;
	}

	/**
	 * The answer is shown under "Answered by" and again under "Accepted Answer"; the
	 * first showing is used and the repeat dropped. Without "Answered by" the accepted
	 * block is it.
	 */
	private static void addAnswer(List<DumpLine> lines, ThreadDraft draft, int answeredBy, int accepted, int end) {
		String author = null;
		List<DumpLine> answer;
		if (answeredBy >= 0) {
			Matcher m = ANSWERED_BY.matcher(lines.get(answeredBy).key());
			author = m.matches() ? m.group(1).strip() : null;
			answer = lines.subList(answeredBy + 1, accepted > answeredBy ? accepted : end);
		}
		else if (accepted >= 0) {
			answer = lines.subList(accepted + 1, end);
		}
		else {
			return;
		}
		if (!answer.isEmpty()) {
			draft.posts.add(new ParsedPost(author, DumpText.body(answer), null, PostRole.ANSWER, true));
		}
	}

	/**
	 * Where the thread's own text stops: at the title repeated in the page footer, if it
	 * is.
	 */
	private static int contentEnd(List<DumpLine> lines, String title) {
		for (int i = lines.size() - 1; i > 0; i--) {
			if (lines.get(i).key().equals(title)) {
				return i;
			}
		}
		return lines.size();
	}

	private static String firstThreadUrl(List<DumpLine> lines) {
		for (DumpLine line : lines) {
			var url = ForumValues.threadUrl(line.key());
			if (url.isPresent()) {
				return url.get();
			}
		}
		return null;
	}

	/** A saved page may start with its address above the title. */
	private static List<DumpLine> withoutLeadingUrl(List<DumpLine> lines) {
		boolean url = !lines.isEmpty() && ForumValues.threadUrl(lines.getFirst().key()).isPresent();
		return url ? lines.subList(1, lines.size()) : lines;
	}

	private static List<DumpLine> withoutUrlLines(List<DumpLine> lines) {
		return lines.stream().filter(line -> ForumValues.threadUrl(line.key()).isEmpty()).toList();
	}

	private static boolean isTitle(String key) {
		return key.length() <= MAX_TITLE_LENGTH && !key.matches(".*[.,:;]$") && !PageChrome.isChrome(key)
				&& ForumValues.threadUrl(key).isEmpty();
	}

	private static boolean isAnsweredBy(String key) {
		return ANSWERED_BY.matcher(key).matches();
	}

	private static int firstOf(int a, int b, int fallback) {
		int first = fallback;
		if (a >= 0) {
			first = Math.min(first, a);
		}
		if (b >= 0) {
			first = Math.min(first, b);
		}
		return first;
	}

	private static int indexOf(List<DumpLine> lines, int from, Predicate<String> test) {
		for (int i = from; i < lines.size(); i++) {
			if (test.test(lines.get(i).key())) {
				return i;
			}
		}
		return -1;
	}

}
