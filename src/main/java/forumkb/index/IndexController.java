package forumkb.index;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: rebuild the index beside the live one, and see how current it is. */
@RestController
class IndexController {

    private final SearchIndex index;
    private final IndexFeed feed;

    IndexController(SearchIndex index, IndexFeed feed) {
        this.index = index;
        this.feed = feed;
    }

    @PostMapping("/api/admin/reindex")
    ResponseEntity<Map<String, Object>> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuild", index.startRebuild()));
    }

    @GetMapping("/api/admin/index")
    Map<String, Object> status() {
        return Map.of("appliedChange", index.appliedChange(), "databaseChange", feed.lastChange(),
                "rebuild", index.rebuildStatus(), "generation", String.valueOf(index.generation()));
    }
}
