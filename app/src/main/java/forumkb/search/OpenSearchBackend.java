package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.extract.ErrorCatalog;
import forumkb.index.IndexedThread;
import forumkb.index.MatchValues;
import forumkb.index.OpenSearchClient;
import forumkb.index.OpenSearchIndex;
import forumkb.index.ThreadDocuments;
import forumkb.index.highlight.Passage;
import forumkb.index.highlight.Passages;
import forumkb.search.SearchResult.FacetValue;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Searches the OpenSearch index ({@code forumkb.search.backend=opensearch}) and answers
 * as the Lucene backend does. OpenSearch finds and ranks the matches with the same terms
 * and weights, and counts them; what the Lucene backend does to its top matches in
 * process happens here to the same top matches as OpenSearch returns them: the pasted
 * quotes' bonus (an OpenSearch rescore), the tie-breakers, exact matches first, and the
 * facet and month counts. A page's snippets are the node's: our highlighter there reads
 * the matches from its postings and weighs them by the whole index's counts, so they mark
 * and pick what the Lucene backend marks and picks.
 */
@Component
@ConditionalOnProperty(name = "forumkb.search.backend", havingValue = "opensearch")
class OpenSearchBackend implements SearchBackend {

	private final OpenSearchClient client;

	private final OpenSearchQueries translation;

	private final String index;

	private final QueryBuilderService queries;

	private final LuceneHits hits;

	private final ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());

	OpenSearchBackend(OpenSearchClient client, OpenSearchIndex threads, QueryBuilderService queries, LuceneHits hits,
			SearchTurns turns) {
		this.client = client;
		this.index = threads.alias();
		this.translation = new OpenSearchQueries(client, index, turns);
		this.queries = queries;
		this.hits = hits;
	}

	/**
	 * A match as OpenSearch returned it: the values the ordering and counts read, and
	 * which of the identifiers typed in the search it holds.
	 */
	private record Found(long id, float score, MatchValues values, Set<String> holds) {
	}

	@Override
	public SearchResult search(SearchQuery query, String raw, int page, boolean byActivity) {
		QueryBuilderService.Built built = queries.build(query);
		OpenSearchQueries.Cut cut = translation.cut(built.query());
		int pageSize = SearchService.PAGE_SIZE;
		int collected = Math.max(COLLECTED, (page + 1) * pageSize);
		// The ranked search and those beside it in one request.
		List<Map<String, Object>> searches = new ArrayList<>();
		searches.add(ranked(query, built, cut.query(), collected, false));
		if (byActivity) {
			searches.add(ranked(query, built, cut.query(), (page + 1) * pageSize, true));
		}
		if (!built.identifiers().isEmpty()) {
			searches.add(holdingAll(cut.query(), built.identifiers()));
		}
		List<JsonNode> answers = translation.waitFor(searches.size() == 1
				? client.sendAsync("POST", index + "/_search", searches.getFirst()).thenApply(List::of)
				: client.searchAsync(index, searches));
		JsonNode answer = answers.getFirst();
		List<Found> top = ordered(query, answer);
		List<Found> ordered = byActivity ? found(answers.get(1)) : top;
		ordered = exactFirst(ordered, built.identifiers());
		JsonNode total = answer.path("hits").path("total");
		long totalValue = total.path("value").asLong();
		long exactTotal = built.identifiers().isEmpty() ? totalValue
				: answers.getLast().path("hits").path("total").path("value").asLong();
		int shown = ordered.isEmpty() ? 0 : Math.min(page, (ordered.size() - 1) / pageSize);
		List<Found> pageFound = ordered.subList(Math.min(shown * pageSize, ordered.size()),
				Math.min(shown * pageSize + pageSize, ordered.size()));
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		List<FacetValue> months = List.of();
		if (!top.isEmpty()) {
			for (String dimension : FACETS) {
				facets.put(dimension, counts(top, dimension, FACET_VALUES));
			}
			months = counts(top, MONTH, 1000).stream().sorted(Comparator.comparing(FacetValue::value)).toList();
		}
		return new SearchResult(raw == null ? "" : raw, totalValue,
				"gte".equals(total.path("relation").asString()) ? "gte" : "eq", top.size(), shown, pageSize,
				byActivity ? "recent" : "relevance",
				built.identifiers().stream().map(QueryBuilderService.Identifier::typed).toList(), exactTotal,
				hits(built, cut, scored(pageFound)), facets, months);
	}

	@Override
	public List<Hit> similar(long threadId, SearchQuery likeThis, int count) {
		QueryBuilderService.Built built = queries.build(likeThis);
		OpenSearchQueries.Cut cut = translation.cut(built.query());
		JsonNode answer = translation.waitFor(
				client.sendAsync("POST", index + "/_search", ranked(likeThis, built, cut.query(), COLLECTED, false)));
		List<Found> top = ordered(likeThis, answer);
		return hits(built, cut, scored(top.subList(0, Math.min(count + 1, top.size())))).stream()
			.filter(hit -> hit.id() != threadId)
			.limit(count)
			.toList();
	}

	@Override
	public <T> T lexically(Function<LexicalReader, T> read) {
		return read.apply(new OpenSearchLexicalReader(client, index, translation, this::hits));
	}

	/**
	 * The search request: the top {@code size} matches by relevance (the total counted
	 * exactly up to {@link #COUNTED}) with the pasted quotes' bonus, or, without free
	 * text, in the tie-breakers' order (answered first, then the most recent), which is
	 * the order of their multiplier when every match scores the same; {@code recent}
	 * orders by last activity. What ordering and counting read of each match comes back
	 * in one doc value ({@link MatchValues}), not the text, and the identifiers each
	 * match holds.
	 */
	private Map<String, Object> ranked(SearchQuery parsed, QueryBuilderService.Built built, Query cut, int size,
			boolean recent) {
		boolean scored = !parsed.freeText().isBlank() || !parsed.phrases().isEmpty();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("size", size);
		body.put("track_total_hits", scored || recent ? COUNTED : true);
		body.put("query", withIdentifiersNamed(OpenSearchQueries.dsl(cut), built.identifiers()));
		// From the doc values: the node reads no stored source for a hundred matches.
		body.put("_source", false);
		body.put("stored_fields", "_none_");
		body.put("docvalue_fields", List.of(OpenSearchIndex.MATCH));
		if (recent) {
			body.put("sort", List.of(Map.of(ACTIVITY, Map.of("order", "desc", "missing", "_last"))));
		}
		else if (!scored) {
			body.put("sort", List.of(Map.of(ANSWERED, Map.of("order", "desc", "missing", "_last")),
					Map.of(ACTIVITY, Map.of("order", "desc", "missing", "_last"))));
		}
		else if (built.phraseBonus() != null) {
			body.put("rescore", Map.of("window_size", size, "query", Map.of("rescore_query",
					OpenSearchQueries.dsl(built.phraseBonus()), "query_weight", 1, "rescore_query_weight", 1)));
		}
		return body;
	}

	/**
	 * The count of the matches that hold every identifier typed, exact: a search of its
	 * own, beside the ranked one, because an aggregation in that one would have the node
	 * score every match where it may skip those that cannot reach the top.
	 */
	private static Map<String, Object> holdingAll(Query cut, List<QueryBuilderService.Identifier> identifiers) {
		List<Object> all = new ArrayList<>(List.of(OpenSearchQueries.dsl(cut)));
		identifiers.forEach(identifier -> all.add(OpenSearchQueries.dsl(identifier.query())));
		return Map.of("size", 0, "track_total_hits", true, "query", Map.of("bool", Map.of("filter", all)));
	}

	/**
	 * The query, with each identifier typed in the search named in a filter that every
	 * document passes: OpenSearch then says which identifiers each match holds, and the
	 * scores stay the query's own.
	 */
	private static Map<String, Object> withIdentifiersNamed(Map<String, Object> query,
			List<QueryBuilderService.Identifier> identifiers) {
		if (identifiers.isEmpty()) {
			return query;
		}
		List<Object> named = new ArrayList<>();
		for (int i = 0; i < identifiers.size(); i++) {
			named.add(Map.of("bool",
					Map.of("filter", List.of(OpenSearchQueries.dsl(identifiers.get(i).query())), "_name", named(i))));
		}
		named.add(Map.of("match_all", Map.of()));
		return Map.of("bool",
				Map.of("must", List.of(query), "filter", List.of(Map.of("bool", Map.of("should", named)))));
	}

	private static String named(int identifier) {
		return "identifier-" + identifier;
	}

	/**
	 * The matches in the Lucene backend's order: scores multiplied by the tie-breakers
	 * and sorted again, or, when OpenSearch sorted them, with the multiplier as their
	 * score.
	 */
	private static List<Found> ordered(SearchQuery parsed, JsonNode answer) {
		TieBreakers tieBreakers = new TieBreakers(System.currentTimeMillis());
		boolean scored = !parsed.freeText().isBlank() || !parsed.phrases().isEmpty();
		List<Found> ordered = new ArrayList<>();
		for (Found found : found(answer)) {
			double multiplier = tieBreakers.multiplier(found.values().answered(), found.values().activity());
			ordered.add(new Found(found.id(), (float) ((scored ? found.score() : 1f) * multiplier), found.values(),
					found.holds()));
		}
		if (scored) {
			// Stable: equal scores keep OpenSearch's order.
			ordered.sort(Comparator.comparingDouble(Found::score).reversed());
		}
		return ordered;
	}

	private static List<Found> found(JsonNode answer) {
		List<Found> found = new ArrayList<>();
		for (JsonNode hit : answer.path("hits").path("hits")) {
			MatchValues values = MatchValues
				.decode(Base64.getDecoder().decode(hit.path("fields").path(OpenSearchIndex.MATCH).path(0).asString()));
			found.add(new Found(values.id(), (float) hit.path("_score").asDouble(0), values, holds(hit)));
		}
		return found;
	}

	/** The names of the identifiers a hit holds, of those named in its request. */
	private static Set<String> holds(JsonNode hit) {
		Set<String> holds = new HashSet<>();
		hit.path("matched_queries").forEach(name -> holds.add(name.asString()));
		return holds;
	}

	private static List<LexicalReader.Scored> scored(List<Found> found) {
		return found.stream().map(each -> new LexicalReader.Scored(each.id(), each.score())).toList();
	}

	/** Those holding every identifier the query names first, each group in its order. */
	private static List<Found> exactFirst(List<Found> ordered, List<QueryBuilderService.Identifier> identifiers) {
		if (identifiers.isEmpty()) {
			return ordered;
		}
		List<Found> exact = new ArrayList<>();
		List<Found> partial = new ArrayList<>();
		for (Found found : ordered) {
			boolean holdsAll = true;
			for (int i = 0; i < identifiers.size(); i++) {
				holdsAll &= found.holds().contains(named(i));
			}
			(holdsAll ? exact : partial).add(found);
		}
		exact.addAll(partial);
		return exact;
	}

	/**
	 * A dimension's most frequent values among the matches, each counted once per thread;
	 * equal counts in the values' order, as Lucene's facets give them.
	 */
	private static List<FacetValue> counts(List<Found> matches, String dimension, int top) {
		Map<String, Long> counts = new TreeMap<>();
		for (Found found : matches) {
			Set<String> seen = new HashSet<>();
			for (String value : found.values().values(dimension)) {
				if (seen.add(value)) {
					counts.merge(value, 1L, Long::sum);
				}
			}
		}
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(top)
			.map(entry -> new FacetValue(entry.getKey(), entry.getValue()))
			.toList();
	}

	/**
	 * The page's hits: its threads read from OpenSearch in one request, made hits as the
	 * Lucene index would make them, with OpenSearch's scores. The node marks the query's
	 * terms in each thread's body and accepted answer with our highlighter
	 * ({@link Passages#TYPE}), from its postings' offsets, and picks the passages by the
	 * whole index's counts, read with the cut's; so it picks what the Lucene backend
	 * picks. The identifiers typed are named in the request, so each hit says which it
	 * holds.
	 */
	private List<Hit> hits(QueryBuilderService.Built built, OpenSearchQueries.Cut cut,
			List<LexicalReader.Scored> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		List<String> ids = page.stream().map(found -> Long.toString(found.id())).toList();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("size", ids.size());
		request.put("track_total_hits", false);
		request.put("query", withIdentifiersNamed(Map.of("ids", Map.of("values", ids)), built.identifiers()));
		Map<String, Object> highlighted = highlighted(cut);
		if (!highlighted.isEmpty()) {
			request.put("highlight", Map.of("fields", highlighted));
		}
		Map<Long, JsonNode> byId = new HashMap<>();
		for (JsonNode hit : translation.waitFor(client.sendAsync("POST", index + "/_search", request))
			.path("hits")
			.path("hits")) {
			byId.put(Long.parseLong(hit.path("_id").asString()), hit);
		}
		List<ScoreDoc> scored = new ArrayList<>();
		List<Document> stored = new ArrayList<>();
		List<JsonNode> found = new ArrayList<>();
		List<List<String>> missing = new ArrayList<>();
		for (LexicalReader.Scored each : page) {
			JsonNode hit = byId.get(each.id());
			// A thread deleted since the search ran has no hit.
			if (hit != null) {
				stored.add(documents.stored(client.json()
					.treeToValue(hit.path("_source").path(OpenSearchIndex.THREAD), IndexedThread.class)));
				found.add(hit);
				missing.add(missing(hit, built.identifiers()));
				scored.add(new ScoreDoc(scored.size(), each.score()));
			}
		}
		LuceneHits.Highlighter marked = (query, field, docIds, texts, passages) -> {
			List<List<SnippetPart>> snippets = new ArrayList<>(docIds.length);
			for (int i = 0; i < docIds.length; i++) {
				List<Passage> chosen = new ArrayList<>();
				found.get(docIds[i])
					.path("highlight")
					.path(field)
					.forEach(fragment -> chosen.add(Passage.decode(fragment.asString())));
				snippets.add(texts[i] == null ? null : OffsetHighlighter.parts(texts[i], chosen));
			}
			return snippets;
		};
		try {
			return hits.hits(built, cut.query(), new LuceneHits.Page(scored.toArray(ScoreDoc[]::new),
					stored.toArray(Document[]::new), doc -> stored.get(doc).get(ANSWER), marked, missing));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The highlight of each prose field some of the query's terms find: our highlighter,
	 * given those terms and the counts that weigh them.
	 */
	private static Map<String, Object> highlighted(OpenSearchQueries.Cut cut) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> field : Map
			.of(BODY, LuceneHits.BODY_PASSAGES, ANSWER, LuceneHits.ANSWER_PASSAGES)
			.entrySet()) {
			List<BytesRef> terms = OffsetHighlighter.terms(cut.query(), field.getKey());
			if (terms.isEmpty()) {
				continue;
			}
			List<String> words = new ArrayList<>();
			List<Integer> docFreqs = new ArrayList<>();
			for (BytesRef term : terms) {
				words.add(term.utf8ToString());
				docFreqs.add(cut.counts().docFreq(new Term(field.getKey(), term)));
			}
			fields.put(field.getKey(),
					Map.of("type", Passages.TYPE, "options", Map.of(Passages.TERMS, words, Passages.DOC_FREQS, docFreqs,
							Passages.DOCUMENTS, cut.counts().documents(), Passages.PASSAGES, field.getValue())));
		}
		return fields;
	}

	/** The identifiers typed in the search that a hit, asked with them named, lacks. */
	private static List<String> missing(JsonNode hit, List<QueryBuilderService.Identifier> identifiers) {
		Set<String> holds = holds(hit);
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < identifiers.size(); i++) {
			if (!holds.contains(named(i))) {
				missing.add(identifiers.get(i).typed());
			}
		}
		return missing;
	}

}
