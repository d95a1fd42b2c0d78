package forumkb.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API: rebuild the index beside the live one, and see how current it is and what it
 * refused.
 */
@RestController
@Tag(name = "Admin", description = "Administration: accounts, roles, audit log and the search index")
class IndexController {

	private static final int LATEST_ERRORS = 50;

	private final ThreadIndex index;

	private final IndexFeed feed;

	private final IndexErrors errors;

	private final List<FeedFollower> followers;

	IndexController(ThreadIndex index, IndexFeed feed, IndexErrors errors, List<FeedFollower> followers) {
		this.index = index;
		this.feed = feed;
		this.errors = errors;
		this.followers = followers;
	}

	@Operation(summary = "Rebuild the search index",
			description = "Starts a rebuild beside the live index, which keeps answering until the new one replaces it; answers 202 with the rebuild's state. Admins only.")
	@PostMapping("/api/admin/reindex")
	ResponseEntity<Map<String, Object>> reindex() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuild", index.startRebuild()));
	}

	/**
	 * Caught up when the newest committed change is searchable, not merely read; the
	 * changes are numbered as {@code thread.change_seq}.
	 */
	@Operation(summary = "Index status",
			description = "Whether the index has caught up with the database, the rebuild's state, the latest documents it refused, and the progress of the indexes that follow the database at their own pace (the sentence vectors: their backlog in threads and their speed). Admins only.")
	@GetMapping("/api/admin/index")
	Map<String, Object> status() {
		ChangePosition searchable = index.searchableChange();
		ChangePosition last = feed.lastChange();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("caughtUp", index.holds(last));
		status.put("appliedChange", searchable.seq());
		status.put("databaseChange", last.seq());
		status.put("rebuild", index.rebuildStatus());
		status.put("generation", String.valueOf(index.generation()));
		status.put("indexErrorCount", errors.count());
		status.put("indexErrors", errors.latest(LATEST_ERRORS));
		followers.forEach(follower -> status.put(follower.name(), follower.status()));
		return status;
	}

}
