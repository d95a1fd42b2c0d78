package forumkb.thread;

import java.time.Instant;
import java.util.List;

/** A line of a thread list; {@code answered} is whether a post is the accepted answer. */
public record ThreadSummary(Long id, String title, List<String> tags, Integer replies, Integer views,
		Instant lastActivityAt, boolean excerpt, boolean answered) {

	static ThreadSummary of(ForumThread thread, boolean answered) {
		return new ThreadSummary(thread.getId(), thread.getTitle(), List.copyOf(thread.getTags()), thread.getReplies(),
				thread.getViews(), thread.getLastActivityAt(), thread.isExcerpt(), answered);
	}
}
