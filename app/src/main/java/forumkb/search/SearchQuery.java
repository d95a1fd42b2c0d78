package forumkb.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search as the user typed it, taken apart: field filters ({@code code:4097},
 * {@code tag:XPC}, {@code has:answer}, {@code after:2025-01}), quoted phrases, and the
 * free text around them — which may be a pasted error line or crash excerpt, used as is.
 */
public record SearchQuery(String freeText, List<String> phrases, Map<String, List<String>> filters, Instant after,
		Instant before) {

	public boolean isEmpty() {
		return freeText.isBlank() && phrases.isEmpty() && filters.isEmpty() && after == null && before == null;
	}
}
