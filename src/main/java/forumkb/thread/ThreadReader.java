package forumkb.thread;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a whole thread (posts and entities) in one read transaction. */
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
}
