package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.index.SearchIndex;
import forumkb.search.SearchResult.FacetValue;
import forumkb.search.SearchResult.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Searches the node's own Lucene index ({@link SearchIndex}): the default backend. */
@Component
@ConditionalOnProperty(name = "forumkb.search.backend", havingValue = "lucene", matchIfMissing = true)
class LuceneSearchBackend implements SearchBackend {

	private static final Sort BY_ACTIVITY = new Sort(new SortField(ACTIVITY, SortField.Type.LONG, true));

	private final SearchIndex index;

	private final QueryBuilderService queries;

	private final LuceneHits hits;

	LuceneSearchBackend(SearchIndex index, QueryBuilderService queries, LuceneHits hits) {
		this.index = index;
		this.queries = queries;
		this.hits = hits;
	}

	@Override
	public SearchResult search(SearchQuery query, String raw, int page, boolean byActivity) {
		QueryBuilderService.Built built = queries.build(query);
		return index.search(searcher -> run(searcher, raw, query, built, page, byActivity));
	}

	@Override
	public List<Hit> similar(long threadId, SearchQuery likeThis, int count) {
		QueryBuilderService.Built built = queries.build(likeThis);
		return index.search(searcher -> {
			try {
				Query rewritten = searcher.rewrite(built.query());
				ScoreDoc[] top = slice(ranked(searcher, likeThis, built, rewritten, COLLECTED).scoreDocs, 0, count + 1);
				return hits.hits(searcher, built, rewritten, top)
					.stream()
					.filter(hit -> hit.id() != threadId)
					.limit(count)
					.toList();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@Override
	public <T> T lexically(Function<LexicalReader, T> read) {
		return index.search(searcher -> read.apply(new LuceneLexicalReader(searcher, hits)));
	}

	private SearchResult run(IndexSearcher searcher, String raw, SearchQuery parsed, QueryBuilderService.Built built,
			int page, boolean recent) {
		try {
			int pageSize = SearchService.PAGE_SIZE;
			Query query = searcher.rewrite(built.query());
			TopDocs top = ranked(searcher, parsed, built, query, Math.max(COLLECTED, (page + 1) * pageSize));
			ScoreDoc[] ordered = recent
					? searcher.search(query,
							new TopFieldCollectorManager(BY_ACTIVITY, (page + 1) * pageSize, COUNTED)).scoreDocs
					: top.scoreDocs;
			TypedIdentifiers identifiers = new TypedIdentifiers(searcher, built.identifiers());
			ordered = TypedIdentifiers.exactFirst(ordered, identifiers.missing(ordered));
			boolean lowerBound = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
			// Lucene stops counting somewhere past COUNTED, where it can first skip
			// matches; the bound shown is COUNTED itself, as OpenSearch gives it.
			long total = lowerBound ? COUNTED : top.totalHits.value();
			long exactTotal = built.identifiers().isEmpty() ? total : identifiers.countHoldingAll(query);
			// A page past the end (an old link, ?page=9999) shows the last one.
			int shown = ordered.length == 0 ? 0 : Math.min(page, (ordered.length - 1) / pageSize);
			List<Hit> pageHits = hits.hits(searcher, built, query, slice(ordered, shown * pageSize, pageSize));
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
			return new SearchResult(raw == null ? "" : raw, total, lowerBound ? "gte" : "eq", top.scoreDocs.length,
					shown, pageSize, recent ? "recent" : "relevance",
					built.identifiers().stream().map(QueryBuilderService.Identifier::typed).toList(), exactTotal,
					pageHits, facets, months);
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
