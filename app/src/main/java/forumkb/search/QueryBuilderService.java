package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.extract.EntityExtractor;
import forumkb.extract.ErrorCatalog;
import forumkb.extract.ExtractedEntity;
import forumkb.extract.MethodNames;
import forumkb.extract.SymptomLines;
import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexFields;
import forumkb.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Component;

/**
 * Builds the Lucene query for a parsed search. Prose is BM25F over title, accepted answer
 * and body (one field in which title and answer weigh double, see
 * {@link IndexFields#TEXT}) plus the symbols field; errors, codes and API names found in
 * the text are matched exactly and weigh more than prose, and their rarity (IDF) makes a
 * shared rare code outweigh a common type.
 */
@Component
public class QueryBuilderService {

	/**
	 * Symbols typed as symbols weigh like prose; plain words reaching symbol parts weigh
	 * little.
	 */
	private static final float SYMBOL_WEIGHT = 1.2f;

	private static final float WORDS_AS_SYMBOL_PARTS_WEIGHT = 0.3f;

	private static final Map<String, Float> ENTITY_WEIGHTS = Map.of(ERROR, 6f, CODE, 4f, API, 2.5f, ENTITLEMENT, 3f,
			SERVICE, 1.5f, FRAMEWORK, 1f);

	/**
	 * A quote from a pasted message found exactly weighs this much more than its words
	 * alone.
	 */
	private static final float PASTED_PHRASE_WEIGHT = 2f;

	/** Pasted logs can be long; the first part carries the symptom often enough. */
	private static final int MAX_FREE_TEXT = 6_000;

	/**
	 * Distinct words a free text scores by at most, the rarest, besides the rare ones (in
	 * at most √N threads), which all count; see {@link RarestWords}. 32 rather than 64
	 * made a pasted log rank in two thirds of the time, and found more of eval-dev's
	 * noisy logs (search R@10 0.86 -> 0.90; triage R@5 and MRR unchanged).
	 */
	private static final int MAX_WORDS = 32;

	/**
	 * Exact terms a text's entities add at most: a log of thousands of distinct codes
	 * would pass Lucene's clause limit, and beyond the first few hundred they no longer
	 * change the top.
	 */
	private static final int MAX_ENTITY_TERMS = 256;

	/**
	 * Identifiers a search names at most for its matches to be told exact or partial.
	 * More is a pasted log: no thread holds them all, and the ranking says which come
	 * closest.
	 */
	private static final int MAX_IDENTIFIERS = 5;

	private final EntityExtractor extractor = new EntityExtractor();

	private final ErrorCatalog catalog = ErrorCatalog.load();

	private final SymptomLines symptoms = new SymptomLines(extractor);

	private static final Analyzer PROSE = FieldAnalyzers.queryAnalyzer();

	private static final Analyzer SYMBOLS_ONLY = FieldAnalyzers.indexAnalyzer();

	private final QueryBuilder prose = new QueryBuilder(PROSE);

	/**
	 * The scoring query (null when the search is only filters), the exact terms it
	 * matched on, and the bonus for quotes in pasted text (null without): added to the
	 * top matches' scores rather than part of the query, in which a phrase made every
	 * thread holding its words a candidate whose positions had to be read (a fifth of an
	 * error line's ranking time).
	 */
	public record Built(Query query, Map<String, String> entityTerms, Query phraseBonus, List<Identifier> identifiers) {
	}

	/**
	 * An identifier the search's text names (an error, a code, an API name), as typed,
	 * and the query for the threads that hold it: its exact term, not its parts or its
	 * words.
	 */
	public record Identifier(String typed, Query query) {
	}

	public Built build(SearchQuery search) {
		try {
			return buildBounded(search);
		}
		catch (IndexSearcher.TooManyClauses e) {
			// Hundreds of phrases or filters: still more than Lucene takes in one query.
			throw new SearchQueryParser.BadQueryException(SearchIndex.TOO_MANY_TERMS);
		}
	}

	private Built buildBounded(SearchQuery search) {
		BooleanQuery.Builder scoring = new BooleanQuery.Builder();
		Map<String, String> entityTerms = new LinkedHashMap<>();
		Map<String, Identifier> identifiers = new LinkedHashMap<>();
		boolean pasted = looksPasted(search);
		String free = search.freeText() + " " + String.join(" ", search.phrases());
		free = symptoms.reduce(free);
		if (free.length() > MAX_FREE_TEXT) {
			free = free.substring(0, MAX_FREE_TEXT);
		}
		if (!free.isBlank()) {
			Map<Query, Float> words = new LinkedHashMap<>();
			addWeighted(words, PROSE, TEXT, free, 1f);
			addWeighted(words, SYMBOLS_ONLY, SYMBOLS, free, SYMBOL_WEIGHT);
			addWeighted(words, PROSE, SYMBOLS, free, WORDS_AS_SYMBOL_PARTS_WEIGHT);
			scoring.add(new RarestWords(words, MAX_WORDS, SYMBOLS, TEXT), Occur.SHOULD);
			addEntities(scoring, entityTerms, identifiers, free);
		}
		BooleanQuery.Builder root = new BooleanQuery.Builder();
		BooleanQuery.Builder phraseBonus = new BooleanQuery.Builder();
		for (String phrase : search.phrases()) {
			Query anyField = phraseInAnyField(phrase);
			if (pasted) {
				phraseBonus.add(new BoostQuery(anyField, PASTED_PHRASE_WEIGHT), Occur.SHOULD);
			}
			else {
				// Required, not scored (its words are): scored in three fields, a quoted
				// "waiting" made its query ten times slower than without.
				root.add(anyField, Occur.FILTER);
			}
		}
		BooleanQuery scored = scoring.build();
		if (!scored.clauses().isEmpty()) {
			root.add(scored, Occur.MUST);
		}
		for (Map.Entry<String, List<String>> filter : search.filters().entrySet()) {
			for (String value : filter.getValue()) {
				root.add(filterQuery(filter.getKey(), value, entityTerms), Occur.FILTER);
			}
		}
		if (search.after() != null || search.before() != null) {
			long from = search.after() == null ? Long.MIN_VALUE : search.after().toEpochMilli();
			long to = search.before() == null ? Long.MAX_VALUE : search.before().toEpochMilli() - 1;
			root.add(LongPoint.newRangeQuery(ACTIVITY, from, to), Occur.FILTER);
		}
		BooleanQuery built = root.build();
		if (built.clauses().stream().noneMatch(clause -> clause.occur() == Occur.MUST)) {
			root.add(new MatchAllDocsQuery(), Occur.MUST);
			built = root.build();
		}
		BooleanQuery bonus = phraseBonus.build();
		return new Built(built, entityTerms, bonus.clauses().isEmpty() ? null : bonus,
				identifiers.size() <= MAX_IDENTIFIERS ? List.copyOf(identifiers.values()) : List.of());
	}

	/**
	 * Adds a field's words to one flat list, each distinct term once with the sum of its
	 * weights: a term the text repeats, or that two analyzers of a field both produce,
	 * weighs as its clauses did together (scores add up). One flat disjunction lets
	 * Lucene skip the documents that cannot reach the top, term by term; nested per-field
	 * disjunctions and hundreds of repeated clauses from a pasted log defeated that. The
	 * terms are read from the analyzer straight into the list, not through a query of one
	 * clause per word: a word repeated 257 times passed Lucene's 1,024-clause limit and
	 * the search failed.
	 */
	private static void addWeighted(Map<Query, Float> words, Analyzer analyzer, String field, String text,
			float weight) {
		try (TokenStream tokens = analyzer.tokenStream(field, text)) {
			TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				words.merge(new TermQuery(new Term(field, BytesRef.deepCopyOf(term.getBytesRef()))), weight,
						Float::sum);
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Quotes in a pasted error line are part of the message, not phrase syntax: such
	 * quotes boost an exact match instead of requiring one. A short query's quotes are
	 * phrases that every match contains. Either way their words count like the others.
	 */
	private static boolean looksPasted(SearchQuery search) {
		String free = search.freeText();
		return free.indexOf('=') >= 0 || free.indexOf('{') >= 0 || free.split("\\s+").length >= 8
				|| free.contains("\n");
	}

	private Query phraseInAnyField(String phrase) {
		BooleanQuery.Builder anyField = new BooleanQuery.Builder();
		for (String field : List.of(TITLE, BODY, ANSWER)) {
			Query query = prose.createPhraseQuery(field, phrase);
			if (query != null) {
				anyField.add(query, Occur.SHOULD);
			}
		}
		return anyField.build();
	}

	/**
	 * Exact clauses for the entities in pasted text, codes widened to their catalog
	 * spellings; each entity's own term is an identifier the text names.
	 */
	private void addEntities(BooleanQuery.Builder root, Map<String, String> terms, Map<String, Identifier> identifiers,
			String text) {
		for (ExtractedEntity entity : extractor.extract(text)) {
			String value = entity.normalized();
			String field = switch (entity.kind()) {
				case ERROR -> ERROR;
				case CODE -> CODE;
				case API_TYPE, C_FUNCTION, API_METHOD -> API;
				case ENTITLEMENT -> ENTITLEMENT;
				case SERVICE -> SERVICE;
				case FRAMEWORK -> FRAMEWORK;
				// versions do not drive matching
				default -> null;
			};
			if (field == null) {
				continue;
			}
			should(root, terms, field, value);
			identifiers.putIfAbsent(field + ":" + value.toLowerCase(Locale.ROOT), identifier(field, value));
			switch (entity.kind()) {
				case ERROR, CODE -> catalog.aliasesOf(value).forEach(alias -> should(root, terms, CODE, alias));
				case API_METHOD -> should(root, terms, API, MethodNames.baseName(value));
				default -> {
					// the value alone
				}
			}
		}
		// A bare catalogued name or signed number typed alone ("-34018",
		// "errSecItemNotFound").
		for (String token : text.split("[\\s,;()\\[\\]\"']+")) {
			if (token.length() > 2) {
				List<String> aliases = catalog.aliasesOf(token);
				if (!aliases.isEmpty()) {
					aliases.forEach(alias -> should(root, terms, CODE, alias));
					identifiers.putIfAbsent(CODE + ":" + token.toLowerCase(Locale.ROOT), identifier(CODE, token));
				}
			}
		}
	}

	private static Identifier identifier(String field, String value) {
		return new Identifier(value, new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT))));
	}

	private static void should(BooleanQuery.Builder root, Map<String, String> terms, String field, String value) {
		String key = value.toLowerCase(Locale.ROOT);
		if (terms.size() < MAX_ENTITY_TERMS && terms.putIfAbsent(field + ":" + key, field) == null) {
			root.add(new BoostQuery(new TermQuery(new Term(field, key)), ENTITY_WEIGHTS.get(field)), Occur.SHOULD);
		}
	}

	private Query filterQuery(String field, String value, Map<String, String> terms) {
		String key = value.toLowerCase(Locale.ROOT);
		return switch (field) {
			case "code" -> anyOf(CODE, key, catalog.aliasesOf(value), terms);
			case "error" -> anyOf(ERROR, key, List.of(), terms);
			case "domain" -> anyOf(DOMAIN, key, List.of(), terms);
			case "api" -> anyOf(API, key, List.of(MethodNames.baseName(value)), terms);
			case "year" -> yearQuery(value);
			default -> anyOf(field, key, List.of(), terms);
		};
	}

	private static Query yearQuery(String value) {
		try {
			return IntPoint.newExactQuery(YEAR, Integer.parseInt(value));
		}
		catch (NumberFormatException e) {
			throw new SearchQueryParser.BadQueryException("year: takes a year such as 2025, not \"" + value + "\"");
		}
	}

	private static Query anyOf(String field, String value, List<String> aliases, Map<String, String> terms) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
		terms.putIfAbsent(field + ":" + value, field);
		for (String alias : aliases) {
			any.add(new TermQuery(new Term(field, alias.toLowerCase(Locale.ROOT))), Occur.SHOULD);
		}
		return any.build();
	}

}
