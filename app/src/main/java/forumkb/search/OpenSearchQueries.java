package forumkb.search;

import static forumkb.index.IndexFields.ANSWER;
import static forumkb.index.IndexFields.BODY;

import forumkb.index.OpenSearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.JsonNode;

/**
 * The query {@link QueryBuilderService} built, in OpenSearch's query DSL. The words are
 * analysed here with the same analysers the index used (the plugin runs them inside
 * OpenSearch), so every clause is an exact term with its weight and both engines score
 * the same terms with BM25; the rarest-words cut reads the term counts of the OpenSearch
 * index, in one round trip that also counts the words the highlighter weighs.
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

	/**
	 * A query cut by the index's counts, and those counts: they hold every term the cut
	 * looked up and every word the highlighter may weigh in a thread's body and accepted
	 * answer, so one round trip serves both; null when the query has no words.
	 */
	record Cut(Query query, Counts counts) {
	}

	/**
	 * The query with its rarest-words part cut by the OpenSearch index's counts, which
	 * are read, with the highlighter's, before the query is sent.
	 */
	Cut cut(Query query) {
		List<RarestWords> parts = new ArrayList<>();
		collect(query, parts);
		Set<Term> terms = new LinkedHashSet<>();
		parts.forEach(part -> terms.addAll(part.terms()));
		for (String field : List.of(BODY, ANSWER)) {
			OffsetHighlighter.terms(query, field)
				.forEach(word -> terms.add(new Term(field, BytesRef.deepCopyOf(word))));
		}
		if (parts.isEmpty() && terms.isEmpty()) {
			return new Cut(query, null);
		}
		Counts counts = counts(terms);
		return new Cut(parts.isEmpty() ? query : replace(query, counts), counts);
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
	 * The whole index's counts as Lucene's reader gives them, asked for side by side: how
	 * many threads it holds ({@code _count}: live ones, Lucene's {@code numDocs}) and how
	 * many hold each term (term vectors of a made-up document: the term dictionary's
	 * document frequency, Lucene's {@code docFreq}, which counts a replaced thread's old
	 * version until a merge drops it).
	 */
	private Counts counts(Set<Term> terms) {
		CompletableFuture<JsonNode> threads = client.sendAsync("POST", index + "/_count", Map.of());
		CompletableFuture<LexicalReader.TermCounts> counted = terms.isEmpty()
				? CompletableFuture.completedFuture(new LexicalReader.TermCounts(Map.of(), Map.of()))
				: client.sendAsync("POST", index + "/_termvectors", OpenSearchLexicalReader.countsRequest(terms))
					.thenApply(answer -> OpenSearchLexicalReader.counted(terms, answer));
		return new Counts(Set.copyOf(terms), threads, counted);
	}

	/**
	 * Counts asked for and waited for when first read, without holding a search's turn;
	 * only the terms asked for can be read.
	 */
	final class Counts implements RarestWords.Frequencies {

		private final Set<Term> asked;

		private final CompletableFuture<JsonNode> threads;

		private final CompletableFuture<LexicalReader.TermCounts> counted;

		private Counts(Set<Term> asked, CompletableFuture<JsonNode> threads,
				CompletableFuture<LexicalReader.TermCounts> counted) {
			this.asked = asked;
			this.threads = threads;
			this.counted = counted;
		}

		@Override
		public int documents() {
			return waitFor(threads).path("count").asInt();
		}

		@Override
		public int docFreq(Term term) {
			if (!asked.contains(term)) {
				throw new IllegalArgumentException("not counted: " + term);
			}
			return (int) waitFor(counted).docFreq(term);
		}

	}

	/** The answer to a request sent, waited for without holding a search's turn. */
	<T> T waitFor(CompletableFuture<T> answer) {
		return answer.isDone() ? OpenSearchClient.answer(answer) : turns.away(() -> OpenSearchClient.answer(answer));
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
