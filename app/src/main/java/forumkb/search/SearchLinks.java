package forumkb.search;

import java.util.List;
import java.util.Locale;

/** Builds the queries behind facet links and entity chips (used by the templates). */
public final class SearchLinks {

	/** Adds a filter to the current query, quoting values with spaces. */
	public String refine(String query, String field, String value) {
		String term = field + ":" + (value.contains(" ") ? "\"" + value + "\"" : value);
		if (query.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) {
			return query;
		}
		return query.isBlank() ? term : query.strip() + " " + term;
	}

	/** A filter of the current query, and the query without it. */
	public record ActiveFilter(String field, String value, String without) {
	}

	/** The query's filters as removable chips. */
	public List<ActiveFilter> activeFilters(String query) {
		return SearchQueryParser.filtersIn(query)
			.stream()
			.filter(filter -> !filter.value().isBlank())
			.map(filter -> new ActiveFilter(filter.field(), filter.value(),
					(query.substring(0, filter.start()) + " " + query.substring(filter.end())).replaceAll("\\s+", " ")
						.strip()))
			.toList();
	}

	/** The search a chip links to: its field filter where it has one, else its value. */
	public String chip(String kind, String value) {
		String field = switch (kind) {
			case "error", "code", "framework", "entitlement", "service" -> kind;
			case "api-type", "api-method", "c-function" -> "api";
			default -> null;
		};
		String quoted = value.contains(" ") ? "\"" + value + "\"" : value;
		return field == null ? quoted : field + ":" + quoted;
	}

}
