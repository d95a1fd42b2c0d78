package forumkb.thread;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads threads for pages and the API, each in one read transaction. */
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
        return threads.findWithSourceById(id).map(thread -> ThreadView.of(thread,
                posts.findByThreadIdOrderByPosition(id), entities.findByThreadIdOrderByStartOffset(id)));
    }

    /** Most recently active first; threads without a date last. */
    @Transactional(readOnly = true)
    public Page<ThreadSummary> recent(int page, int size) {
        Sort recentFirst = Sort.by(Sort.Order.desc("lastActivityAt").nullsLast(), Sort.Order.desc("id"));
        return threads.findAll(PageRequest.of(Math.max(page, 0), size, recentFirst)).map(ThreadSummary::of);
    }
}
