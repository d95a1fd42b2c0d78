package forumkb.bench;

import forumkb.index.SearchIndex;
import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestService;
import forumkb.search.SearchResult;
import forumkb.search.SearchService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eval corpus ingested through the real pipeline, and our search's ranking of it by
 * external id.
 */
class EvalSearch {

	/** One ranked thread and the score our search gave it. */
	record Scored(String externalId, float score) {
	}

	private final IngestService ingest;

	private final SearchIndex index;

	private final SearchService search;

	private final JdbcTemplate jdbc;

	private final Map<Long, String> externalIds = new HashMap<>();

	EvalSearch(IngestService ingest, SearchIndex index, SearchService search, JdbcTemplate jdbc) {
		this.ingest = ingest;
		this.index = index;
		this.search = search;
		this.jdbc = jdbc;
	}

	void load(Path corpus) {
		ingest.ingest("eval corpus", List.of(IngestInput.ofFile(corpus, null)));
		index.openLive();
		index.catchUp();
		jdbc.query("select id, external_id from thread", row -> {
			externalIds.put(row.getLong(1), row.getString(2));
		});
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

}
