package forumkb.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a search answers: the hits of one page, facet counts, and threads per month. The
 * total is exact when {@code totalRelation} is {@code "eq"} and a lower bound when it is
 * {@code "gte"}; facets and months count the top {@code countedTop} matches by relevance,
 * all of them when that is not less than the total. {@code identifiers} are the errors,
 * codes and API names the query names; {@code exactTotal} counts the matches holding all
 * of them exactly, which come first, before the partial matches.
 */
public record SearchResult(String query, long total, String totalRelation, int countedTop, int page, int pageSize,
		String sort, List<String> identifiers, long exactTotal, List<Hit> hits, Map<String, List<FacetValue>> facets,
		List<FacetValue> months) {

	/**
	 * One thread that matched, with why. The API gives the snippet once, as HTML with its
	 * matches in {@code <mark>}; the pages render the same parts themselves (a fourth of
	 * an answer's bytes, serialised again for every hit). Last activity, replies, views
	 * and the answered mark are what a forum listing shows of a thread; null where the
	 * forum did not say. {@code exact} when it holds every identifier the query names,
	 * else {@code missing} lists the ones it lacks.
	 */
	public record Hit(long id, String title, String url, boolean excerpt, float score, String snippet,
			@JsonIgnore List<SnippetPart> snippetParts, List<Chip> entities, List<Chip> matched, Instant lastActivityAt,
			Integer replies, Integer views, boolean answered, boolean exact, List<String> missing) {
	}

	/** A piece of the snippet; {@code match} pieces are the highlighted terms. */
	public record SnippetPart(String text, boolean match) {
	}

	/** An entity as a chip: kind, value and, for catalogued codes, what it means. */
	public record Chip(String kind, String value, String meaning) {
	}

	public record FacetValue(String value, long count) {
	}

	public boolean totalIsLowerBound() {
		return "gte".equals(totalRelation);
	}

	/** Facets and months count only the top matches, not all of them. */
	public boolean countsTopOnly() {
		return countedTop < total;
	}

	/**
	 * Whether the page shows the partial-matches divider before this hit: the first hit
	 * that lacks an identifier.
	 */
	public boolean partialFrom(Hit hit) {
		return !hit.exact() && hits.stream().filter(h -> !h.exact()).findFirst().orElse(null) == hit;
	}

	public int pageCount() {
		return (int) Math.min(Integer.MAX_VALUE, (total + pageSize - 1) / pageSize);
	}
}
