package forumkb.bench;

import forumkb.index.SearchIndex;
import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestService;
import forumkb.search.SearchResult;
import forumkb.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eval corpus ingested through the real pipeline into an application of its own (see
 * {@link BenchServer}), and our search's ranking of it by external id.
 */
final class EvalSearch implements AutoCloseable {

	/** One ranked thread and the score our search gave it. */
	record Scored(String externalId, float score) {
	}

	private final BenchServer server;

	private final SearchService search;

	private final Map<Long, String> externalIds = new HashMap<>();

	private EvalSearch(BenchServer server) {
		this.server = server;
		this.search = server.bean(SearchService.class);
	}

	static EvalSearch load(Path corpus) throws IOException {
		// Search does not read the sentence vectors: embedding the corpus would only
		// compete for the cores.
		EvalSearch loaded = new EvalSearch(BenchServer.start(null, "--forumkb.triage.vectors.enabled=false"));
		loaded.server.bean(IngestService.class).ingest("eval corpus", List.of(IngestInput.ofFile(corpus, null)));
		loaded.server.bean(SearchIndex.class).catchUp();
		loaded.server.bean(JdbcTemplate.class).query("select id, external_id from thread", row -> {
			loaded.externalIds.put(row.getLong(1), row.getString(2));
		});
		return loaded;
	}

	/** The first {@code pages} result pages, best first. */
	List<Scored> ranking(String query, int pages) {
		List<Scored> ranked = new ArrayList<>();
		for (int page = 0; page < pages; page++) {
			SearchResult result = search.search(query, page, "relevance");
			result.hits().forEach(hit -> ranked.add(new Scored(externalIds.get(hit.id()), hit.score())));
			if (result.hits().size() < SearchService.PAGE_SIZE) {
				break;
			}
		}
		return ranked;
	}

	List<String> ids(String query, int pages) {
		return ranking(query, pages).stream().map(Scored::externalId).toList();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
