package forumkb.thread;

import forumkb.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/threads/{id}}: a thread with its posts and extracted entities. */
@RestController
class ThreadController {

    private final ThreadReader reader;

    ThreadController(ThreadReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/threads/{id}")
    ThreadView thread(@PathVariable long id) {
        return reader.find(id).orElseThrow(() -> new NotFoundException("no thread " + id));
    }
}
