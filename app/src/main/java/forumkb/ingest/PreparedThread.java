package forumkb.ingest;

import forumkb.extract.ExtractedEntity;
import forumkb.ingest.parse.ParsedThread;
import java.util.List;

/**
 * A parsed thread ready to store: its identity, content hash and the entities found in
 * its title and in each post (same order as the posts).
 */
record PreparedThread(ParsedThread thread, String label, String key, String contentHash,
		List<ExtractedEntity> titleEntities, List<List<ExtractedEntity>> postEntities) {

	int postCount() {
		return thread.posts().size();
	}
}
