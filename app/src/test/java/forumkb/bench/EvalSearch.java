package forumkb.bench;

import static org.awaitility.Awaitility.await;

import forumkb.index.IndexFeed;
import forumkb.index.OpenSearchIndex;
import forumkb.index.SearchIndex;
import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestService;
import forumkb.search.LuceneSearchBackends;
import forumkb.search.SearchBackend;
import forumkb.search.SearchQueryParser;
import forumkb.search.SearchResult;
import forumkb.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eval corpus ingested through the real pipeline into an application of its own (see
 * {@link BenchServer}), and our search's ranking of it by external id; with
 * {@link #loadOnBothBackends}, each backend's ranking of it.
 */
final class EvalSearch implements AutoCloseable {

	/** One ranked thread and the score our search gave it. */
	record Scored(String externalId, float score) {
	}

	/** OpenSearch indexes the run has made. */
	private final BenchServer server;

	private final SearchService search;

	private final Map<Long, String> externalIds = new HashMap<>();

	private final boolean onOpenSearch;

	private EvalSearch(BenchServer server, boolean onOpenSearch) {
		this.server = server;
		this.onOpenSearch = onOpenSearch;
		this.search = server.bean(SearchService.class);
	}

	static EvalSearch load(Path corpus) throws IOException {
		return load(corpus, List.of());
	}

	/**
	 * The corpus in the application's Lucene index and, through the change feed, in an
	 * OpenSearch node with our plugin ({@link BenchServer#onOpenSearch}), searched by the
	 * OpenSearch backend.
	 */
	static EvalSearch loadOnBothBackends(Path corpus) throws IOException {
		EvalSearch loaded = load(corpus, BenchServer.onOpenSearch());
		awaitOpenSearch(loaded.server);
		return loaded;
	}

	/** Waits until the application's OpenSearch index holds every change of the feed. */
	static void awaitOpenSearch(BenchServer server) {
		IndexFeed feed = server.bean(IndexFeed.class);
		await("the OpenSearch index holding the corpus").atMost(Duration.ofMinutes(5))
			.until(() -> server.bean(OpenSearchIndex.class).holds(feed.lastChange()));
	}

	private static EvalSearch load(Path corpus, List<String> settings) throws IOException {
		List<String> arguments = new ArrayList<>(settings);
		// Search does not read the sentence vectors: embedding the corpus would only
		// compete for the cores.
		arguments.add("--forumkb.triage.vectors.enabled=false");
		EvalSearch loaded = new EvalSearch(BenchServer.start(null, arguments.toArray(String[]::new)),
				!settings.isEmpty());
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

	/**
	 * Each backend's first result page of a query, by external id: the Lucene backend,
	 * and the OpenSearch one where the application was loaded with it.
	 */
	Map<String, Function<String, List<String>>> backends() {
		Map<String, Function<String, List<String>>> backends = new LinkedHashMap<>();
		backends.put("lucene", firstPage(LuceneSearchBackends.over(server.context())));
		if (onOpenSearch) {
			backends.put("opensearch", firstPage(server.bean(SearchBackend.class)));
		}
		return backends;
	}

	private Function<String, List<String>> firstPage(SearchBackend backend) {
		SearchQueryParser parser = new SearchQueryParser();
		return query -> backend.search(parser.parse(query), query, 0, false)
			.hits()
			.stream()
			.map(hit -> externalIds.get(hit.id()))
			.toList();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
