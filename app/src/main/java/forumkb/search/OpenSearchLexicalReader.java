package forumkb.search;

import static forumkb.index.IndexFields.SYMBOLS;

import forumkb.index.FieldAnalyzers;
import forumkb.index.OpenSearchClient;
import forumkb.search.SearchResult.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.JsonNode;

/**
 * Triage's reads of the OpenSearch index: the same terms and weights ranked by
 * OpenSearch's BM25, the hits made as the OpenSearch backend makes a search's, and the
 * term counts read in one request (term vectors of a made-up document that holds each
 * term once, untouched by the analysers, with the index's term and field statistics; the
 * index has one shard, so they are the whole index's).
 */
final class OpenSearchLexicalReader implements LexicalReader {

	/** Fields analysed as text in the index: their terms are sent as they are. */
	private static final List<String> TEXT_FIELDS = concat(FieldAnalyzers.PROSE_FIELDS, List.of(SYMBOLS));

	/** How the OpenSearch backend makes a page's hits. */
	interface Hits {

		List<Hit> hits(QueryBuilderService.Built built, OpenSearchQueries.Cut cut, List<Scored> page);

	}

	private final OpenSearchClient client;

	private final String index;

	private final OpenSearchQueries translation;

	private final Hits hits;

	/** Read on first use: one count per triage. */
	private Long threads;

	/**
	 * The queries cut, by the cut query, with the counts their hits' highlighter reads (a
	 * triage cuts once and makes its hits with that query).
	 */
	private final Map<Query, OpenSearchQueries.Cut> cuts = new IdentityHashMap<>();

	OpenSearchLexicalReader(OpenSearchClient client, String index, OpenSearchQueries translation, Hits hits) {
		this.client = client;
		this.index = index;
		this.translation = translation;
		this.hits = hits;
	}

	@Override
	public Query cut(Query query) {
		OpenSearchQueries.Cut cut = translation.cut(query);
		cuts.put(cut.query(), cut);
		return cut.query();
	}

	@Override
	public List<Scored> top(Query cut, int count) {
		return scored(client.send("POST", index + "/_search", Map.of("size", count, "track_total_hits", false,
				"_source", false, "query", OpenSearchQueries.dsl(cut))));
	}

	@Override
	public Set<Long> held(Collection<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return Set.of();
		}
		List<String> ids = threadIds.stream().map(id -> Long.toString(id)).toList();
		Set<Long> held = new LinkedHashSet<>();
		scored(client.send("POST", index + "/_search", Map.of("size", ids.size(), "track_total_hits", false, "_source",
				false, "query", Map.of("ids", Map.of("values", ids)))))
			.forEach(found -> held.add(found.id()));
		return held;
	}

	@Override
	public List<Hit> hits(QueryBuilderService.Built built, Query cut, List<Scored> threads) {
		// A query not cut here is counted now; cutting it again leaves it as it is.
		return hits.hits(built, cuts.computeIfAbsent(cut, translation::cut), threads);
	}

	@Override
	public long threads() {
		if (threads == null) {
			threads = client.send("GET", index + "/_count", null).path("count").asLong();
		}
		return threads;
	}

	@Override
	public TermCounts counts(Collection<Term> terms) {
		if (terms.isEmpty()) {
			return new TermCounts(Map.of(), Map.of());
		}
		return counted(terms, client.send("POST", index + "/_termvectors", countsRequest(terms)));
	}

	/**
	 * The term vectors request that counts {@code terms}: a made-up document that holds
	 * each term once, untouched by the analysers.
	 */
	static Map<String, Object> countsRequest(Collection<Term> terms) {
		Map<String, Set<String>> document = document(terms);
		Map<String, String> untouched = new LinkedHashMap<>();
		document.keySet().stream().filter(TEXT_FIELDS::contains).forEach(field -> untouched.put(field, "keyword"));
		return Map.of("doc", document, "per_field_analyzer", untouched, "term_statistics", true, "field_statistics",
				true, "positions", false, "offsets", false);
	}

	private static Map<String, Set<String>> document(Collection<Term> terms) {
		Map<String, Set<String>> document = new LinkedHashMap<>();
		terms.forEach(term -> document.computeIfAbsent(term.field(), field -> new LinkedHashSet<>()).add(term.text()));
		return document;
	}

	/** The counts of {@code terms} in the answer to {@link #countsRequest}. */
	static TermCounts counted(Collection<Term> terms, JsonNode answer) {
		JsonNode vectors = answer.path("term_vectors");
		Map<String, Set<String>> document = document(terms);
		Map<Term, TermStatistics> statistics = new HashMap<>();
		Map<String, CollectionStatistics> fields = new HashMap<>();
		for (String field : document.keySet()) {
			JsonNode vector = vectors.path(field);
			JsonNode fieldStatistics = vector.path("field_statistics");
			long docCount = fieldStatistics.path("doc_count").asLong(0);
			if (docCount > 0) {
				long sumDocFreq = Math.max(fieldStatistics.path("sum_doc_freq").asLong(0), 1);
				fields.put(field, new CollectionStatistics(field, docCount, docCount,
						Math.max(fieldStatistics.path("sum_ttf").asLong(0), sumDocFreq), sumDocFreq));
			}
			for (String text : document.get(field)) {
				JsonNode term = vector.path("terms").path(text);
				long docFreq = term.path("doc_freq").asLong(0);
				if (docFreq > 0) {
					statistics.put(new Term(field, text), new TermStatistics(new BytesRef(text), docFreq,
							Math.max(term.path("ttf").asLong(0), docFreq)));
				}
			}
		}
		return new TermCounts(statistics, fields);
	}

	private static List<Scored> scored(JsonNode answer) {
		List<Scored> found = new ArrayList<>();
		for (JsonNode hit : answer.path("hits").path("hits")) {
			found.add(new Scored(Long.parseLong(hit.path("_id").asString()), (float) hit.path("_score").asDouble(0)));
		}
		return found;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

}
