package forumkb.search;

import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport;
import forumkb.index.SearchIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A bulk import ends as one segment: searches pay per segment. In a context of its own,
 * so that no other test's imports count towards the merge threshold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "forumkb.index.merge-after=500")
@DirtiesContext
class IndexMergeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	SearchIndex index;

	@Test
	void aBulkImportIsMergedIntoOneSegment() {
		HttpClientSupport http = HttpClientSupport.asEngineer(application, port);
		http.upload("/api/ingest", "bulk.jsonl", SearchApiTests.threads(600, "997", "Wobblesprocket hangs",
				"The wobblesprocket extension hangs on save."));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> total(http, "wobblesprocket") == 600 && !index.merging()
					&& index.search(searcher -> searcher.getIndexReader().leaves().size()) == 1);
	}

	private static long total(HttpClientSupport http, String query) {
		return http.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.json()
			.get("total")
			.asLong();
	}

}
