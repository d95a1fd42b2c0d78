package forumkb.ingest;

import forumkb.system.ClusterJobs;
import forumkb.thread.ThreadReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo corpus (our own threads, JSON Lines) into an empty database on first
 * start.
 */
@Component
@ConditionalOnProperty(name = "forumkb.demo.enabled", havingValue = "true")
class DemoCorpusLoader {

	static final String CORPUS = "demo/corpus.jsonl";

	private static final Logger log = LoggerFactory.getLogger(DemoCorpusLoader.class);

	private final IngestService ingest;

	private final ThreadReader threads;

	private final ClusterJobs jobs;

	DemoCorpusLoader(IngestService ingest, ThreadReader threads, ClusterJobs jobs) {
		this.ingest = ingest;
		this.threads = threads;
		this.jobs = jobs;
	}

	/** Before the demo known issues, which link to these threads. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void loadIntoEmptyDatabase() {
		jobs.runAfterOthers(ClusterJobs.FIRST_START, this::loadIfEmpty);
	}

	private void loadIfEmpty() {
		if (threads.any()) {
			return;
		}
		byte[] corpus;
		try (InputStream in = new ClassPathResource(CORPUS).getInputStream()) {
			corpus = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		IngestRun run = ingest.ingest("demo corpus", List.of(IngestInput.ofBytes(CORPUS, corpus, null, null)));
		log.info("Loaded the demo corpus: {}", run.getMessage());
	}

}
