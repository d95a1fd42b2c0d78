package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns posts that a page ran together (see {@link PostBoundaries}) into excerpt threads.
 * Such posts show no title; a thread URL line above a post gives its identity, and a
 * Topic/SubTopic/Tags block or a "Forums subtopic:" line its place.
 */
final class PostStream {

	private static final int MAX_TITLE_LENGTH = 100;

	private PostStream() {
	}

	static List<ThreadDraft> read(List<DumpLine> lines) {
		List<ThreadDraft> drafts = new ArrayList<>();
		for (List<DumpLine> post : PostBoundaries.split(lines)) {
			post(post).ifPresent(drafts::add);
		}
		return drafts;
	}

	/**
	 * Run-together posts rarely show their title; when one does, it is a short line with
	 * no sentence punctuation above the body ("Moving from Multipeer Connectivity to …").
	 */
	private static boolean isShownTitle(String key) {
		return key.length() <= MAX_TITLE_LENGTH && !key.matches(".*[.,:;!?]$") && !PostBoundaries.isGreeting(key)
				&& !key.contains("://") && Character.isUpperCase(key.charAt(0));
	}

	private static Optional<ThreadDraft> post(List<DumpLine> lines) {
		ThreadDraft draft = new ThreadDraft(lines.getFirst().number(), lines.getLast().number());
		List<DumpLine> body = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String key = lines.get(i).key();
			Optional<String> url = ForumValues.threadUrl(key);
			if (url.isPresent() && draft.url == null && body.isEmpty()) {
				draft.url = url.get();
			}
			else if (TopicBlock.startsBlock(key)) {
				TopicBlock.read(lines.subList(i, lines.size()), draft);
				break;
			}
			else if (!PageChrome.isChrome(key)) {
				body.add(lines.get(i));
			}
		}
		if (body.isEmpty()) {
			return Optional.empty();
		}
		if (body.size() > 1 && isShownTitle(body.getFirst().key())) {
			draft.title = body.removeFirst().text().strip();
		}
		TopicBlock.readSelfDescription(body, draft);
		draft.excerpt = true;
		draft.posts.add(new ParsedPost(null, DumpText.body(body), null, PostRole.QUESTION, false));
		return Optional.of(draft);
	}

}
