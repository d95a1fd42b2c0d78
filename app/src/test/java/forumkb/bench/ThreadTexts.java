package forumkb.bench;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import forumkb.triage.SentenceEmbeddings;
import forumkb.triage.ThreadVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways of writing a thread as text for the embedding benchmark to compare; each gives
 * one or more texts.
 */
final class ThreadTexts {

	private ThreadTexts() {
	}

	static List<String> title(ParsedThread thread) {
		return List.of(titleOf(thread));
	}

	/**
	 * Title and the start of the question; the model sees the first
	 * {@link SentenceEmbeddings#MAX_CHARS}.
	 */
	static List<String> titleAndFirstPost(ParsedThread thread) {
		return List.of(titleOf(thread) + "\n" + firstBody(thread));
	}

	/**
	 * The title with each piece of each post, so an answer deep in the thread gets its
	 * own vector.
	 */
	static List<String> chunks(ParsedThread thread) {
		int room = SentenceEmbeddings.MAX_CHARS - titleOf(thread).length() - 1;
		List<String> texts = new ArrayList<>();
		for (ParsedPost post : thread.posts()) {
			for (String piece : ThreadVectors.pieces(post.body(), Math.max(room, SentenceEmbeddings.MAX_CHARS / 2),
					Integer.MAX_VALUE)) {
				texts.add(titleOf(thread) + "\n" + piece);
			}
		}
		return texts.isEmpty() ? title(thread) : texts;
	}

	private static String titleOf(ParsedThread thread) {
		return thread.title() == null ? "" : thread.title();
	}

	private static String firstBody(ParsedThread thread) {
		return thread.posts().isEmpty() ? "" : thread.posts().getFirst().body();
	}

}
