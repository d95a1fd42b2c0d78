package forumkb.ingest;

import forumkb.ingest.parse.CanonicalFormat;
import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import forumkb.ingest.parse.PostRole;
import forumkb.ingest.parse.Provenance;
import forumkb.thread.StoredThread;
import forumkb.thread.StoredThreads;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Writes the whole corpus in the canonical JSON Lines format, a page of threads at a
 * time, so export → import into an empty database reproduces it.
 */
@Service
public class ExportService {

	private static final int PAGE = 500;

	private final StoredThreads threads;

	ExportService(StoredThreads threads) {
		this.threads = threads;
	}

	/** Returns the number of threads written. */
	public int export(Writer out) throws IOException {
		long after = 0;
		int written = 0;
		List<StoredThread> page;
		while (!(page = threads.afterId(after, PAGE)).isEmpty()) {
			for (StoredThread thread : page) {
				out.write(CanonicalFormat.write(parsed(thread)));
				out.write('\n');
				written++;
				after = thread.id();
			}
		}
		return written;
	}

	private static ParsedThread parsed(StoredThread thread) {
		List<ParsedPost> posts = thread.posts()
			.stream()
			.map(post -> new ParsedPost(post.author(), post.body(), post.createdAt(),
					PostRole.fromWire(post.role(), PostRole.COMMENT), post.accepted()))
			.toList();
		return new ParsedThread(thread.source(), thread.externalId(), thread.url(), thread.title(), thread.topic(),
				thread.subtopic(), thread.tags(), thread.createdAt(), thread.lastActivityAt(), thread.replies(),
				thread.boosts(), thread.views(), posts, thread.excerpt(), (Provenance) null);
	}

}
