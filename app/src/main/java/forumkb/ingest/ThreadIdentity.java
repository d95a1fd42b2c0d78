package forumkb.ingest;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who a thread is across ingests, and whether its content changed.
 *
 * <p>
 * The key is source + external id, else the canonical URL, else a hash of what identifies
 * a thread on a page: its title (or, without one, its first post). Keying on the title
 * rather than the whole content is what lets a listing's excerpt and the full thread
 * page, neither of which shows a URL, meet as one thread.
 */
final class ThreadIdentity {

	private static final char SEPARATOR = '\u001f';

	private ThreadIdentity() {
	}

	static String key(ParsedThread thread) {
		if (thread.externalId() != null) {
			return "id:" + thread.source() + ":" + thread.externalId();
		}
		if (thread.url() != null) {
			return "url:" + thread.url();
		}
		String identifying = thread.title() != null
				? thread.title().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
				: thread.posts().getFirst().body().strip();
		return "hash:" + sha256(thread.source() + SEPARATOR + identifying);
	}

	/** A hash of everything stored about the thread except where it was read from. */
	static String contentHash(ParsedThread thread) {
		StringBuilder content = new StringBuilder(1024);
		append(content, thread.source(), thread.externalId(), thread.url(), thread.title(), thread.topic(),
				thread.subtopic(), String.join(",", thread.tags()), thread.createdAt(), thread.lastActivityAt(),
				thread.replies(), thread.boosts(), thread.views(), thread.excerpt());
		for (ParsedPost post : thread.posts()) {
			append(content, post.author(), post.body(), post.createdAt(), post.role(), post.accepted());
		}
		return sha256(content.toString());
	}

	private static void append(StringBuilder content, Object... values) {
		for (Object value : values) {
			content.append(value).append(SEPARATOR);
		}
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
