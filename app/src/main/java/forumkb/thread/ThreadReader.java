package forumkb.thread;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads threads for pages, the API and the other features that point at threads, each in
 * one read transaction. The whole-corpus walks (change feed, export) are
 * {@link StoredThreads}.
 */
@Component
public class ThreadReader {

	private final ThreadRepository threads;

	private final PostRepository posts;

	private final ThreadEntityRepository entities;

	ThreadReader(ThreadRepository threads, PostRepository posts, ThreadEntityRepository entities) {
		this.threads = threads;
		this.posts = posts;
		this.entities = entities;
	}

	@Transactional(readOnly = true)
	public Optional<ThreadView> find(long id) {
		return threads.findWithSourceById(id)
			.map(thread -> ThreadView.of(thread, posts.findByThreadIdOrderByPosition(id),
					entities.findByThreadIdOrderByStartOffset(id)));
	}

	private static final Sort RECENT_FIRST = Sort.by(Sort.Order.desc("lastActivityAt").nullsLast(),
			Sort.Order.desc("id"));

	/** Most recently active first; threads without a date last. */
	@Transactional(readOnly = true)
	public Page<ThreadSummary> recent(int page, int size) {
		return summaries(threads.findAll(PageRequest.of(Math.max(page, 0), size, RECENT_FIRST)));
	}

	/** Threads without an accepted answer, most recently active first. */
	@Transactional(readOnly = true)
	public Page<ThreadSummary> unanswered(int size) {
		return threads.findUnanswered(PageRequest.of(0, size, RECENT_FIRST))
			.map(thread -> ThreadSummary.of(thread, false));
	}

	/** Whether any thread is stored. */
	@Transactional(readOnly = true)
	public boolean any() {
		return threads.count() > 0;
	}

	/** Of these threads, those that exist. */
	@Transactional(readOnly = true)
	public Set<Long> existing(Collection<Long> ids) {
		return ids.isEmpty() ? Set.of() : threads.existingAmong(ids);
	}

	/** The headings of those of these threads that exist, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ThreadHeading> headings(Collection<Long> ids) {
		Map<Long, ThreadHeading> byId = new HashMap<>();
		if (!ids.isEmpty()) {
			threads.headings(ids).forEach(heading -> byId.put(heading.id(), heading));
		}
		return byId;
	}

	/** The threads a source knows by this id (one per source at most). */
	@Transactional(readOnly = true)
	public List<Long> idsByExternalId(String externalId) {
		return threads.idsByExternalId(externalId);
	}

	private Page<ThreadSummary> summaries(Page<ForumThread> found) {
		Set<Long> answered = found.isEmpty() ? Set.of() : threads.answeredAmong(found.map(ForumThread::getId).toList());
		return found.map(thread -> ThreadSummary.of(thread, answered.contains(thread.getId())));
	}

}
