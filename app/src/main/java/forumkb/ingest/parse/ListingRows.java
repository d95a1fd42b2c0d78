package forumkb.ingest.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a listing page: a title line, an excerpt, then the replies, boosts
 * and views counts and the activity date. Pages render the numbers either bare, one per
 * line, or labelled ("Replies", "1", "Boosts", "0", …, "Activity", "Jun ’25"); both are
 * read.
 */
final class ListingRows {

	private static final String[] LABELS = { "Replies", "Boosts", "Views", "Activity" };

	/** Where a row's numbers start, and what they say. */
	record Stats(int first, Integer replies, Integer boosts, Integer views, String activity) {
	}

	private ListingRows() {
	}

	/** True when the lines contain at least one row's numbers and date. */
	static boolean present(List<DumpLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			if (statsEndingAt(lines, i) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The rows in order. Lines before the first row's title that are not part of any row
	 * (there are none on the pages seen so far) are left to the caller via
	 * {@code leftover}.
	 */
	static List<ThreadDraft> read(List<DumpLine> lines, Clock clock, List<DumpLine> leftover) {
		List<ThreadDraft> rows = new ArrayList<>();
		int rowStart = 0;
		for (int i = 0; i < lines.size(); i++) {
			Stats stats = statsEndingAt(lines, i);
			if (stats == null) {
				continue;
			}
			List<DumpLine> text = lines.subList(rowStart, stats.first());
			if (!text.isEmpty()) {
				rows.add(row(text, stats, lines.get(i), clock));
			}
			rowStart = i + 1;
		}
		leftover.addAll(lines.subList(rowStart, lines.size()));
		return rows;
	}

	private static ThreadDraft row(List<DumpLine> text, Stats stats, DumpLine dateLine, Clock clock) {
		ThreadDraft draft = new ThreadDraft(text.getFirst().number(), dateLine.number());
		List<DumpLine> excerpt = new ArrayList<>(text.subList(1, text.size()));
		int block = blockStart(excerpt);
		if (block >= 0) {
			TopicBlock.read(excerpt.subList(block, excerpt.size()), draft);
			excerpt = new ArrayList<>(excerpt.subList(0, block));
		}
		draft.title = text.getFirst().text().strip();
		draft.replies = stats.replies();
		draft.boosts = stats.boosts();
		draft.views = stats.views();
		draft.lastActivityAt = ForumValues.activityDate(stats.activity(), clock);
		draft.excerpt = true;
		String body = excerpt.isEmpty() ? draft.title : DumpText.body(excerpt);
		draft.posts.add(new ParsedPost(null, body, null, PostRole.QUESTION, false));
		return draft;
	}

	private static int blockStart(List<DumpLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			if (TopicBlock.startsBlock(lines.get(i).key())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The row numbers whose date is line {@code end}, in either rendering; null if there
	 * are none.
	 */
	static Stats statsEndingAt(List<DumpLine> lines, int end) {
		if (!ForumValues.isActivityDate(lines.get(end).key())) {
			return null;
		}
		Stats labelled = labelled(lines, end);
		return labelled != null ? labelled : bare(lines, end);
	}

	private static Stats bare(List<DumpLine> lines, int end) {
		int first = end - 3;
		if (first < 0) {
			return null;
		}
		for (int i = first; i < end; i++) {
			if (!ForumValues.isCount(lines.get(i).key())) {
				return null;
			}
		}
		return new Stats(first, count(lines, first), count(lines, first + 1), count(lines, first + 2),
				lines.get(end).key());
	}

	private static Stats labelled(List<DumpLine> lines, int end) {
		int first = end - 7;
		if (first < 0) {
			return null;
		}
		for (int k = 0; k < LABELS.length; k++) {
			int label = first + 2 * k;
			if (!lines.get(label).key().equalsIgnoreCase(LABELS[k])
					|| (k < 3 && !ForumValues.isCount(lines.get(label + 1).key()))) {
				return null;
			}
		}
		return new Stats(first, count(lines, first + 1), count(lines, first + 3), count(lines, first + 5),
				lines.get(end).key());
	}

	private static Integer count(List<DumpLine> lines, int index) {
		return ForumValues.count(lines.get(index).key()).orElse(null);
	}

}
