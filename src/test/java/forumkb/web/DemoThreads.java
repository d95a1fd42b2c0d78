package forumkb.web;

import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo corpus (49 threads) ingested over the API into the application under test,
 * once searchable.
 */
final class DemoThreads {

	private DemoThreads() {
	}

	/**
	 * Ingests the corpus (again: ingest is idempotent) and answers the engineer's client
	 * that did it.
	 */
	static HttpClientSupport ingest(ApplicationContext application, int port) throws IOException {
		HttpClientSupport http = HttpClientSupport.asEngineer(application, port);
		try (InputStream in = new ClassPathResource("demo/corpus.jsonl").getInputStream()) {
			http.upload("/api/ingest", "demo.jsonl", in.readAllBytes());
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> http.get("/api/search?q=").json().get("total").asLong() >= 49);
		return http;
	}

}
