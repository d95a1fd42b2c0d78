package forumkb;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the OpenSearch backend against the test JVM's real node
 * ({@link OpenSearchNode}, reached through {@link OpenSearchLink}, which a test can cut),
 * with the demo corpus, its known issues and sentence embeddings: the classes that
 * compare search or triage on OpenSearch with the Lucene index the same application
 * keeps, or cut the application off from OpenSearch, extend it, and so share one
 * application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"forumkb.search.backend=opensearch", "forumkb.demo.enabled=true", "forumkb.triage.embeddings.enabled=true" })
public abstract class OpenSearchApplication {

	@DynamicPropertySource
	static void node(DynamicPropertyRegistry properties) {
		properties.add("forumkb.search.opensearch.url", () -> OpenSearchLink.url().toString());
		properties.add("forumkb.search.opensearch.index", () -> "forumkb-test-" + ProcessHandle.current().pid());
	}

}
