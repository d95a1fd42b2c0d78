package forumkb.thread;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import forumkb.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/threads/{id}}: a thread with its posts and extracted entities. */
@RestController
@Tag(name = "Threads", description = "Ingested forum threads with their posts")
class ThreadController {

	private final ThreadReader reader;

	ThreadController(ThreadReader reader) {
		this.reader = reader;
	}

	@GetMapping("/api/threads/{id}")
	@Operation(summary = "Read a thread",
			description = "The thread with its posts in order and the entities (error codes, domains, "
					+ "exceptions, frameworks) extracted from it.")
	ThreadView thread(@Parameter(description = "The thread's id, as in search hits") @PathVariable long id) {
		return reader.find(id).orElseThrow(() -> new NotFoundException("no thread " + id));
	}

}
