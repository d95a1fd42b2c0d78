package forumkb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport.Response;
import forumkb.index.IndexFeed;
import forumkb.index.ThreadIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo corpus (49 threads of our own, on the classpath) in the application under test
 * and searchable, for the tests that search, triage or browse realistic threads. Ingest
 * is idempotent, so every class that needs the corpus asks for it, whatever else shares
 * its context.
 */
public final class DemoCorpus {

	public static final String RESOURCE = "demo/corpus.jsonl";

	public static final int THREADS = 49;

	private DemoCorpus() {
	}

	public static byte[] bytes() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Ingests the corpus over the API as a new engineer and waits until it is searchable;
	 * answers that engineer's client.
	 */
	public static HttpClientSupport ingest(ApplicationContext application, int port) {
		HttpClientSupport engineer = HttpClientSupport.asEngineer(application, port);
		Response response = engineer.upload("/api/ingest", "demo.jsonl", bytes());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		awaitSearchable(application);
		return engineer;
	}

	/**
	 * The id of one of the corpus's threads, by its forum id: other tests' threads in a
	 * shared application may outrank it in a search.
	 */
	public static long threadId(ApplicationContext application, String externalId) {
		return application.getBean(JdbcTemplate.class)
			.queryForObject("select id from thread where external_id = ?", Long.class, externalId);
	}

	/**
	 * Waits until every committed change, and so every thread ingested so far, is
	 * searchable.
	 */
	public static void awaitSearchable(ApplicationContext application) {
		Collection<ThreadIndex> indexes = application.getBeansOfType(ThreadIndex.class).values();
		IndexFeed feed = application.getBean(IndexFeed.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> indexes.stream().allMatch(index -> index.holds(feed.lastChange())));
	}

}
