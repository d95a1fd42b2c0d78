package forumkb.search;

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
