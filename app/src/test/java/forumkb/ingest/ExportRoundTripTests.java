package forumkb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.DemoCorpus;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Export → import into an empty database reproduces the corpus. It empties the database,
 * so its context is closed after it and shared with no one.
 */
@SpringBootTest
@DirtiesContext
class ExportRoundTripTests {

	@Autowired
	IngestService ingest;

	@Autowired
	ExportService export;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void exportThenImportIntoAnEmptyDatabaseReproducesTheCorpus() throws Exception {
		ingest.ingest("corpus",
				List.of(IngestInput.ofBytes("demo.jsonl", DemoCorpus.bytes(), null, null),
						IngestInput.ofBytes("thread-page.txt", resource("fixtures/thread-page.txt"), null, null),
						IngestInput.ofBytes("run-together.txt", resource("fixtures/run-together.txt"), null, null)));
		String first = exportAll();
		long threads = count("thread");
		long posts = count("post");
		long entities = count("thread_entity");

		jdbc.execute("truncate thread, source, ingest_run restart identity cascade");
		IngestRun reimport = ingest.ingest("export",
				List.of(IngestInput.ofBytes("export.jsonl", first.getBytes(StandardCharsets.UTF_8), null, null)));

		assertThat(reimport.getFailed()).isZero();
		assertThat(reimport.getCreated()).isEqualTo((int) threads);
		assertThat(count("post")).isEqualTo(posts);
		assertThat(count("thread_entity")).isEqualTo(entities);
		assertThat(exportAll()).isEqualTo(first);
	}

	private static byte[] resource(String path) throws Exception {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private String exportAll() throws Exception {
		StringWriter out = new StringWriter();
		export.export(out);
		return out.toString();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
