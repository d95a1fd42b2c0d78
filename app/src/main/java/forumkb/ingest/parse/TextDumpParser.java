package forumkb.ingest.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a plain-text dump of a forum page: a single thread page, or a listing (a tag or
 * subtopic page) whose rows show counts and dates or whose posts run together.
 *
 * <p>
 * Listing rows become excerpt threads with one QUESTION post; a thread page becomes a
 * full thread with its question and accepted answer. Page navigation is dropped, and a
 * listing rendered twice yields each thread once.
 */
public final class TextDumpParser implements ThreadParser {

	static final String APPLE_SOURCE = "apple-developer-forums";
	static final String TEXT_SOURCE = "text-dump";

	private final Clock clock;

	/**
	 * Relative dates ("2h") and dates without a year stay unknown: the save time is not
	 * known.
	 */
	public TextDumpParser() {
		this(null);
	}

	/**
	 * @param savedAt when the page was saved, to date "2h" or "Mar 14"; may be null
	 */
	public TextDumpParser(Clock savedAt) {
		this.clock = savedAt;
	}

	@Override
	public ParseResult parse(String origin, String content) {
		try {
			List<DumpLine> lines = DumpText.nonBlankLines(content);
			// A thread needs something to say; a title or marker with no text under it is
			// not one.
			List<ThreadDraft> drafts = read(lines).stream().filter(draft -> !draft.posts.isEmpty()).toList();
			if (drafts.isEmpty()) {
				return ParseResult.failure(origin, "no thread found in " + origin);
			}
			String source = isApplePage(lines) ? APPLE_SOURCE : TEXT_SOURCE;
			return ParseResult.of(distinct(drafts).stream().map(d -> d.build(source, origin)).toList());
		}
		catch (RuntimeException e) {
			// The contract is to report, never throw; a bug here must not stop an import.
			return ParseResult.failure(origin, "could not read " + origin + ": " + e);
		}
	}

	private List<ThreadDraft> read(List<DumpLine> lines) {
		PageChrome.Header header = PageChrome.findHeader(lines);
		if (header.present()) {
			return readListing(lines, header);
		}
		if (ListingRows.present(lines)) {
			return readRows(lines);
		}
		if (ThreadPage.hasAnswerMarkers(lines) || ThreadPage.looksLikeThread(lines)) {
			ThreadDraft thread = ThreadPage.read(lines);
			return thread == null ? List.of() : List.of(thread);
		}
		return List.of();
	}

	/**
	 * A listing page: what comes before the header is a pinned or featured post, what
	 * comes after it are rows (with counts) or whole posts run together (without).
	 */
	private List<ThreadDraft> readListing(List<DumpLine> lines, PageChrome.Header header) {
		List<ThreadDraft> drafts = new ArrayList<>(PostStream.read(lines.subList(0, header.first())));
		List<DumpLine> body = lines.subList(header.last() + 1, lines.size());
		drafts.addAll(ListingRows.present(body) ? readRows(body) : PostStream.read(body));
		String name = header.pageName();
		String subtopic = name != null && !header.isTagPage() ? name : null;
		String tag = name != null && header.isTagPage() ? name : null;
		String topic = subtopic == null ? null : TopicBlock.topicOf(subtopic, lines);
		drafts.forEach(draft -> draft.applyPage(topic, subtopic, tag));
		return drafts;
	}

	private List<ThreadDraft> readRows(List<DumpLine> lines) {
		List<DumpLine> leftover = new ArrayList<>();
		List<ThreadDraft> rows = new ArrayList<>(ListingRows.read(lines, clock, leftover));
		rows.addAll(PostStream.read(leftover));
		return rows;
	}

	private static boolean isApplePage(List<DumpLine> lines) {
		return PageChrome.looksLikeAppleForums(lines) || ThreadPage.hasAnswerMarkers(lines);
	}

	/**
	 * Keeps the first of threads that share a URL, a title or their text (a listing shown
	 * twice).
	 */
	private static List<ThreadDraft> distinct(List<ThreadDraft> drafts) {
		Set<String> seen = new HashSet<>();
		List<ThreadDraft> kept = new ArrayList<>();
		for (ThreadDraft draft : drafts) {
			List<String> keys = identityKeys(draft);
			if (keys.stream().noneMatch(seen::contains)) {
				kept.add(draft);
			}
			seen.addAll(keys);
		}
		return kept;
	}

	private static List<String> identityKeys(ThreadDraft draft) {
		List<String> keys = new ArrayList<>();
		if (draft.url != null) {
			keys.add("url:" + draft.url);
		}
		if (draft.title != null) {
			keys.add("title:" + draft.title.toLowerCase(Locale.ROOT));
		}
		if (!draft.posts.isEmpty()) {
			keys.add("text:" + DumpLine.keyOf(draft.posts.getFirst().body()).toLowerCase(Locale.ROOT));
		}
		return keys;
	}

}
