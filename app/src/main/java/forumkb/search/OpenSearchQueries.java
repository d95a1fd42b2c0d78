package forumkb.search;

import forumkb.index.OpenSearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import tools.jackson.databind.JsonNode;

/**
 * The query {@link QueryBuilderService} built, in OpenSearch's query DSL. The words are
 * analysed here with the same analysers the index used (the plugin runs them inside
 * OpenSearch), so every clause is an exact term with its weight and both engines score
 * the same terms with BM25; the rarest-words cut reads the term counts of the OpenSearch
 * index, in one request.
 */
final class OpenSearchQueries {

	private final OpenSearchClient client;

	private final String index;

	private final SearchTurns turns;

	OpenSearchQueries(OpenSearchClient client, String index, SearchTurns turns) {
		this.client = client;
		this.index = index;
		this.turns = turns;
	}

	/** The query with its rarest-words part cut by the OpenSearch index's counts. */
	Query cut(Query query) {
		List<RarestWords> parts = new ArrayList<>();
		collect(query, parts);
		if (parts.isEmpty()) {
			return query;
		}
		Set<Term> terms = new LinkedHashSet<>();
		parts.forEach(part -> terms.addAll(part.terms()));
		RarestWords.Frequencies frequencies = frequencies(terms);
		return replace(query, frequencies);
	}

	private static void collect(Query query, List<RarestWords> parts) {
		switch (query) {
			case RarestWords words -> parts.add(words);
			case BooleanQuery bool -> bool.clauses().forEach(clause -> collect(clause.query(), parts));
			case BoostQuery boost -> collect(boost.getQuery(), parts);
			default -> {
				// no words to cut
			}
		}
	}

	private static Query replace(Query query, RarestWords.Frequencies frequencies) {
		try {
			return switch (query) {
				case RarestWords words -> words.cut(frequencies);
				case BooleanQuery bool -> {
					BooleanQuery.Builder rebuilt = new BooleanQuery.Builder()
						.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
					bool.clauses().forEach(clause -> rebuilt.add(replace(clause.query(), frequencies), clause.occur()));
					yield rebuilt.build();
				}
				case BoostQuery boost -> new BoostQuery(replace(boost.getQuery(), frequencies), boost.getBoost());
				default -> query;
			};
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * How many threads the index holds and how many hold each term: one search that
	 * counts each term's matches in a filter aggregation.
	 */
	private RarestWords.Frequencies frequencies(Set<Term> terms) {
		Map<String, Object> filters = new LinkedHashMap<>();
		List<Term> byKey = List.copyOf(terms);
		for (int i = 0; i < byKey.size(); i++) {
			filters.put(Integer.toString(i), term(byKey.get(i), 1f));
		}
		Map<String, Object> request = new LinkedHashMap<>(Map.of("size", 0, "track_total_hits", true));
		// OpenSearch refuses an empty filters aggregation: a text of no words (a bare
		// 0x8badf00d) has no term to count.
		if (!filters.isEmpty()) {
			request.put("aggs", Map.of("terms", Map.of("filters", Map.of("filters", filters))));
		}
		JsonNode answer = turns.away(() -> client.send("POST", index + "/_search", request));
		int documents = answer.path("hits").path("total").path("value").asInt();
		Map<Term, Integer> counts = new LinkedHashMap<>();
		JsonNode buckets = answer.path("aggregations").path("terms").path("buckets");
		for (int i = 0; i < byKey.size(); i++) {
			counts.put(byKey.get(i), buckets.path(Integer.toString(i)).path("doc_count").asInt());
		}
		return new RarestWords.Frequencies() {

			@Override
			public int documents() {
				return documents;
			}

			@Override
			public int docFreq(Term term) {
				return counts.getOrDefault(term, 0);
			}

		};
	}

	/** The query as OpenSearch's DSL. */
	static Map<String, Object> dsl(Query query) {
		return dsl(query, 1f);
	}

	private static Map<String, Object> dsl(Query query, float boost) {
		return switch (query) {
			case TermQuery term -> term(term.getTerm(), boost);
			case BoostQuery boosted -> dsl(boosted.getQuery(), boost * boosted.getBoost());
			case MatchAllDocsQuery all -> Map.of("match_all", Map.of("boost", boost));
			case BooleanQuery bool -> bool(bool, boost);
			case PhraseQuery phrase -> spanNear(phrase.getField(), phrase.getPositions(), phrase.getSlop(), boost,
					position -> spanTerm(phrase.getTerms()[position]));
			case MultiPhraseQuery phrase -> spanNear(phrase.getTermArrays()[0][0].field(), phrase.getPositions(),
					phrase.getSlop(), boost, position -> {
						List<Object> any = new ArrayList<>();
						for (Term term : phrase.getTermArrays()[position]) {
							any.add(spanTerm(term));
						}
						return Map.of("span_or", Map.of("clauses", any));
					});
			case PointRangeQuery range -> range(range, boost);
			default -> throw new IllegalArgumentException("no OpenSearch form for " + query.getClass().getSimpleName());
		};
	}

	private static Map<String, Object> term(Term term, float boost) {
		return Map.of("term", Map.of(term.field(), Map.of("value", term.text(), "boost", boost)));
	}

	private static Map<String, Object> bool(BooleanQuery bool, float boost) {
		if (bool.clauses().isEmpty()) {
			// Lucene's empty query matches nothing; OpenSearch's empty bool, everything.
			return Map.of("match_none", Map.of());
		}
		Map<String, List<Object>> clauses = new LinkedHashMap<>();
		for (BooleanClause clause : bool.clauses()) {
			String occur = switch (clause.occur()) {
				case MUST -> "must";
				case SHOULD -> "should";
				case FILTER -> "filter";
				case MUST_NOT -> "must_not";
			};
			clauses.computeIfAbsent(occur, key -> new ArrayList<>()).add(dsl(clause.query()));
		}
		Map<String, Object> body = new LinkedHashMap<>(clauses);
		body.put("boost", boost);
		if (bool.getMinimumNumberShouldMatch() > 0) {
			body.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
		}
		return Map.of("bool", body);
	}

	/**
	 * A phrase as spans, each word at the position the analysed phrase put it: where the
	 * analyser dropped a word (a stop word) a gap of that width keeps the next word's
	 * place, so the phrase matches and scores as Lucene's phrase query does. Counting the
	 * gap as slop instead scored each match 1/(1+gap) where Lucene scores 1, and matched
	 * the words closer together too.
	 */
	private static Map<String, Object> spanNear(String field, int[] positions, int slop, float boost,
			IntFunction<Object> clause) {
		List<Object> clauses = new ArrayList<>();
		for (int i = 0; i < positions.length; i++) {
			int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
			if (gap > 0) {
				clauses.add(Map.of("span_gap", Map.of(field, gap)));
			}
			clauses.add(clause.apply(i));
		}
		return Map.of("span_near", Map.of("clauses", clauses, "slop", slop, "in_order", true, "boost", boost));
	}

	private static Map<String, Object> spanTerm(Term term) {
		return Map.of("span_term", Map.of(term.field(), term.text()));
	}

	/** A range over a long (last activity) or an int (year), bounds included. */
	private static Map<String, Object> range(PointRangeQuery range, float boost) {
		Object from;
		Object to;
		if (range.getBytesPerDim() == Long.BYTES) {
			from = LongPoint.decodeDimension(range.getLowerPoint(), 0);
			to = LongPoint.decodeDimension(range.getUpperPoint(), 0);
		}
		else {
			from = IntPoint.decodeDimension(range.getLowerPoint(), 0);
			to = IntPoint.decodeDimension(range.getUpperPoint(), 0);
		}
		return Map.of("range", Map.of(range.getField(), Map.of("gte", from, "lte", to, "boost", boost)));
	}

}
