package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.extract.ErrorCatalog;
import forumkb.index.SearchIndex;
import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.FacetValue;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Symptom search: ranked threads with snippets, matched entities, facets and a monthly
 * count.
 */
@Service
public class SearchService {

	public static final int PAGE_SIZE = 10;
	static final List<String> FACETS = List.of(TAG, FRAMEWORK, API, ERROR, TOPIC, YEAR, HAS);

	private static final int FACET_VALUES = 10;

	private static final int MAX_PAGE = 100;

	private static final int SIMILAR = 5;

	/** Matches counted exactly; past that the total is a lower bound. */
	private static final int COUNTED = 1000;

	/**
	 * Matches collected by relevance: the tie-breakers reorder them, and facets and the
	 * month chart count them. Collecting the top 1,000 instead, so that Lucene's pruning
	 * keeps the thousandth score, made a search take 2.4 times as long at 200,000
	 * threads.
	 */
	private static final int COLLECTED = 100;

	/**
	 * What a hit shows; the accepted answer is read only when the body has no match to
	 * show.
	 */
	private static final Set<String> HIT_FIELDS = Set.of(ID, TITLE, URL, EXCERPT, BODY, ENTITY_LIST, ACTIVITY, REPLIES,
			VIEWS, ANSWERED);

	private static final Set<String> ANSWER_FIELD = Set.of(ANSWER);

	/** The characters HtmlUtils escapes in UTF-8 text. */
	private static final String HTML_SPECIAL = "<>&\"'";

	private static final Sort BY_ACTIVITY = new Sort(new SortField(ACTIVITY, SortField.Type.LONG, true));

	private final SearchIndex index;

	private final SearchQueryParser parser = new SearchQueryParser();

	private final QueryBuilderService queries;

	private final EntityChips entityChips = new EntityChips(ErrorCatalog.load());

	private final Timer latency;

	/**
	 * Searches that run at once; the rest wait their turn in arrival order. A search is
	 * pure CPU: with more running than cores, each takes proportionally longer, and a
	 * slow one (a pasted log) holds every other back; queued, a quick search waits only
	 * for the ones ahead of it.
	 */
	private final Semaphore running;

	SearchService(SearchIndex index, QueryBuilderService queries, MeterRegistry meters,
			@Value("${forumkb.search.concurrency:0}") int concurrency) {
		this.index = index;
		this.queries = queries;
		this.running = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
		this.latency = Timer.builder("forumkb.search")
			.description("Search latency")
			.publishPercentileHistogram()
			.register(meters);
	}

	public SearchResult search(String raw, int page, String sort) {
		int safePage = Math.clamp(page, 0, MAX_PAGE);
		boolean recent = "recent".equalsIgnoreCase(sort);
		SearchQuery parsed = parser.parse(raw);
		running.acquireUninterruptibly();
		try {
			return latency.record(() -> {
				QueryBuilderService.Built built = queries.build(parsed);
				return index.search(searcher -> run(searcher, raw, parsed, built, safePage, recent));
			});
		}
		finally {
			running.release();
		}
	}

	/**
	 * Threads like this one: its title and its errors, codes and API names as a query;
	 * itself left out.
	 */
	public List<Hit> similar(long threadId, String title, List<String> entityValues) {
		StringBuilder text = new StringBuilder(title == null ? "" : title);
		entityValues.stream().distinct().limit(12).forEach(value -> text.append(' ').append(value));
		if (text.isEmpty()) {
			return List.of();
		}
		SearchQuery query = new SearchQuery(text.toString(), List.of(), Map.of(), null, null);
		QueryBuilderService.Built built = queries.build(query);
		return index.search(searcher -> {
			try {
				Query rewritten = searcher.rewrite(built.query());
				ScoreDoc[] top = slice(ranked(searcher, query, built, rewritten, COLLECTED).scoreDocs, 0, SIMILAR + 1);
				return hits(searcher, built, rewritten, top).stream()
					.filter(hit -> hit.id() != threadId)
					.limit(SIMILAR)
					.toList();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/**
	 * The chip of an entity found in a text, with its meaning when the code is
	 * catalogued.
	 */
	public Chip chip(String kind, String value) {
		return new Chip(kind, value, entityChips.meaning(kind, value));
	}

	/**
	 * The chips a thread shows of its distinct entities: meanings where the thread's
	 * domains agree, chips that carry nothing left out (see {@link EntityChips}).
	 */
	public List<Chip> threadChips(List<Chip> entities) {
		return EntityChips.shown(entityChips.withMeanings(entities));
	}

	private SearchResult run(IndexSearcher searcher, String raw, SearchQuery parsed, QueryBuilderService.Built built,
			int page, boolean recent) {
		try {
			Query query = searcher.rewrite(built.query());
			TopDocs top = ranked(searcher, parsed, built, query, Math.max(COLLECTED, (page + 1) * PAGE_SIZE));
			ScoreDoc[] ordered = recent
					? searcher.search(query,
							new TopFieldCollectorManager(BY_ACTIVITY, (page + 1) * PAGE_SIZE, COUNTED)).scoreDocs
					: top.scoreDocs;
			TypedIdentifiers identifiers = new TypedIdentifiers(searcher, built.identifiers());
			ordered = TypedIdentifiers.exactFirst(ordered, identifiers.missing(ordered));
			long exactTotal = built.identifiers().isEmpty() ? top.totalHits.value()
					: identifiers.countHoldingAll(query);
			// A page past the end (an old link, ?page=9999) shows the last one.
			int shown = ordered.length == 0 ? 0 : Math.min(page, (ordered.length - 1) / PAGE_SIZE);
			List<Hit> hits = hits(searcher, built, query, slice(ordered, shown * PAGE_SIZE, PAGE_SIZE));
			Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
			List<FacetValue> months = List.of();
			SortedSetDocValuesReaderState state = index.facetState(searcher);
			if (state != null && top.scoreDocs.length > 0) {
				SortedSetDocValuesFacetCounts counts = TopFacets.count(state, searcher, top.scoreDocs);
				for (String dimension : FACETS) {
					facets.put(dimension, values(counts, dimension, FACET_VALUES));
				}
				months = values(counts, MONTH, 1000).stream().sorted(Comparator.comparing(FacetValue::value)).toList();
			}
			boolean lowerBound = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
			return new SearchResult(raw == null ? "" : raw, top.totalHits.value(), lowerBound ? "gte" : "eq",
					top.scoreDocs.length, shown, PAGE_SIZE, recent ? "recent" : "relevance",
					built.identifiers().stream().map(QueryBuilderService.Identifier::typed).toList(), exactTotal, hits,
					facets, months);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The top {@code collected} matches by relevance, pasted quotes' bonus and
	 * tie-breakers applied, and their total counted exactly only up to {@link #COUNTED},
	 * so that Lucene may skip matches that cannot reach the top. Without free text every
	 * match scores the same and the tie-breakers alone order them, so they score inside
	 * the query; every match is visited then, and counted exactly.
	 */
	private static TopDocs ranked(IndexSearcher searcher, SearchQuery parsed, QueryBuilderService.Built built,
			Query query, int collected) throws IOException {
		TieBreakers tieBreakers = new TieBreakers(System.currentTimeMillis());
		if (parsed.freeText().isBlank() && parsed.phrases().isEmpty()) {
			return searcher.search(FunctionScoreQuery.boostByValue(query, tieBreakers),
					new TopScoreDocCollectorManager(collected, Integer.MAX_VALUE));
		}
		TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(collected, COUNTED));
		ScoreDoc[] scored = built.phraseBonus() == null ? top.scoreDocs
				: QueryRescorer.rescore(searcher, top, built.phraseBonus(), 1, top.scoreDocs.length).scoreDocs;
		return new TopDocs(top.totalHits, tieBreakers.rescore(searcher, scored, COLLECTED));
	}

	/**
	 * The hits for {@code docs}, with snippets and matched entities; {@code query} is the
	 * rewritten one, so the words it dropped are not marked. Triage uses it for threads
	 * and, with its own searcher, for known issues, which share the fields.
	 */
	public List<Hit> hits(IndexSearcher searcher, QueryBuilderService.Built built, Query query, ScoreDoc[] docs)
			throws IOException {
		if (docs.length == 0) {
			return List.of();
		}
		int[] ids = new int[docs.length];
		Document[] documents = new Document[docs.length];
		StoredFields stored = searcher.storedFields();
		for (int i = 0; i < docs.length; i++) {
			ids[i] = docs[i].doc;
			documents[i] = stored.document(ids[i], HIT_FIELDS);
		}
		OffsetHighlighter highlighter = new OffsetHighlighter(searcher);
		List<List<SnippetPart>> bodies = highlighter.highlight(query, BODY, ids, values(documents, BODY), 2);
		List<List<SnippetPart>> answers = answerSnippets(highlighter, stored, query, ids, bodies);
		Set<String> matchedValues = matchedValues(built);
		List<List<String>> missing = new TypedIdentifiers(searcher, built.identifiers()).missing(docs);
		List<Hit> hits = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			Document doc = documents[i];
			List<SnippetPart> parts = snippet(bodies.get(i), answers.get(i), doc);
			List<Chip> all = chips(doc);
			List<Chip> entities = EntityChips.shown(all);
			List<Chip> matched = all.stream()
				.filter(chip -> matchedValues.contains(chip.value().toLowerCase(Locale.ROOT)))
				.toList();
			hits.add(new Hit(Long.parseLong(doc.get(ID)), doc.get(TITLE), doc.get(URL), doc.get(EXCERPT) != null,
					docs[i].score, text(parts, true), parts, entities, matched, instant(doc.getField(ACTIVITY)),
					integer(doc.getField(REPLIES)), integer(doc.getField(VIEWS)), doc.getField(ANSWERED) != null,
					missing.get(i).isEmpty(), List.copyOf(missing.get(i))));
		}
		return hits;
	}

	/**
	 * The accepted answer's snippet of each hit whose body the query did not match, null
	 * for the others: only those read and highlight their answer.
	 */
	private static List<List<SnippetPart>> answerSnippets(OffsetHighlighter highlighter, StoredFields stored,
			Query query, int[] ids, List<List<SnippetPart>> bodies) throws IOException {
		List<Integer> missed = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			if (bodies.get(i) == null) {
				missed.add(i);
			}
		}
		List<List<SnippetPart>> answers = new ArrayList<>(Collections.nCopies(ids.length, null));
		if (missed.isEmpty()) {
			return answers;
		}
		int[] missedIds = new int[missed.size()];
		String[] texts = new String[missed.size()];
		for (int k = 0; k < missedIds.length; k++) {
			missedIds[k] = ids[missed.get(k)];
			texts[k] = stored.document(missedIds[k], ANSWER_FIELD).get(ANSWER);
		}
		List<List<SnippetPart>> found = highlighter.highlight(query, ANSWER, missedIds, texts, 1);
		for (int k = 0; k < missedIds.length; k++) {
			answers.set(missed.get(k), found.get(k));
		}
		return answers;
	}

	private static Instant instant(IndexableField millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis.numericValue().longValue());
	}

	private static Integer integer(IndexableField number) {
		return number == null ? null : number.numericValue().intValue();
	}

	private static String[] values(Document[] documents, String field) {
		String[] values = new String[documents.length];
		for (int i = 0; i < documents.length; i++) {
			values[i] = documents[i].get(field);
		}
		return values;
	}

	/**
	 * The body's passages where the query matched, else the answer's, else the body's
	 * start.
	 */
	private static List<SnippetPart> snippet(List<SnippetPart> body, List<SnippetPart> answer, Document doc) {
		if (body != null) {
			return body;
		}
		if (answer != null) {
			return answer;
		}
		String text = doc.get(BODY) == null ? "" : doc.get(BODY).strip();
		String start = OffsetHighlighter.oneSpaced(text.substring(0, Math.min(text.length(), 480)));
		return List.of(new SnippetPart(start.length() > 240 ? start.substring(0, 240) + "…" : start, false));
	}

	/**
	 * The snippet as text; with {@code marked}, matches in {@code <mark>} and everything
	 * else escaped.
	 */
	static String text(List<SnippetPart> parts, boolean marked) {
		StringBuilder text = new StringBuilder();
		for (SnippetPart part : parts) {
			String escaped = marked && needsEscaping(part.text()) ? HtmlUtils.htmlEscape(part.text(), "UTF-8")
					: part.text();
			text.append(marked && part.match() ? "<mark>" + escaped + "</mark>" : escaped);
		}
		return text.toString();
	}

	/**
	 * Most passages have nothing to escape; HtmlUtils copies them a character at a time
	 * regardless.
	 */
	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (HTML_SPECIAL.indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The thread's distinct entities, catalogued codes with the meaning its domains agree
	 * with.
	 */
	private List<Chip> chips(Document doc) {
		Map<String, Chip> chips = new LinkedHashMap<>();
		for (IndexableField field : doc.getFields(ENTITY_LIST)) {
			String[] kindAndValue = field.stringValue().split("\t", 2);
			if (kindAndValue.length == 2) {
				chips.putIfAbsent(kindAndValue[0] + kindAndValue[1], new Chip(kindAndValue[0], kindAndValue[1], null));
			}
		}
		return entityChips.withMeanings(List.copyOf(chips.values()));
	}

	/**
	 * The entity values the query matched on, lower-cased: its {@code field:value} terms
	 * without the field.
	 */
	private static Set<String> matchedValues(QueryBuilderService.Built built) {
		Set<String> values = new HashSet<>();
		for (Map.Entry<String, String> term : built.entityTerms().entrySet()) {
			values.add(term.getKey().substring(term.getValue().length() + 1));
		}
		return values;
	}

	private static List<FacetValue> values(SortedSetDocValuesFacetCounts counts, String dimension, int top)
			throws IOException {
		try {
			FacetResult result = counts.getTopChildren(top, dimension);
			if (result == null) {
				return List.of();
			}
			List<FacetValue> values = new ArrayList<>();
			for (LabelAndValue label : result.labelValues) {
				values.add(new FacetValue(label.label, label.value.longValue()));
			}
			return values;
		}
		catch (IllegalArgumentException dimensionNotIndexedYet) {
			return List.of();
		}
	}

	private static ScoreDoc[] slice(ScoreDoc[] docs, int from, int size) {
		if (from >= docs.length) {
			return new ScoreDoc[0];
		}
		ScoreDoc[] page = new ScoreDoc[Math.min(size, docs.length - from)];
		System.arraycopy(docs, from, page, 0, page.length);
		return page;
	}

}
