package forumkb.extract;

import java.util.List;

/**
 * Finds errors, codes, API symbols, frameworks, entitlements, services and versions in
 * forum text. A pure function of its input: all patterns are precompiled constants and
 * each call scans with its own state, so one instance may be shared across threads.
 *
 * <p>
 * Every occurrence is returned, in text order; a kind appears at most once per character
 * range. An ERROR ({@code NSCocoaErrorDomain:4097}) also yields a CODE for its number
 * ({@code 4097}) over the number's range, so a query with only {@code Code=4097} meets
 * it.
 */
public final class EntityExtractor {

	public List<ExtractedEntity> extract(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return new Scan(text).run();
	}

	/**
	 * Whether an API name is one nearly every post uses ({@code NSLog}, {@code NSError}):
	 * it says nothing about the thread it is found in.
	 */
	public static boolean isUbiquitous(String apiName) {
		return Vocabulary.UBIQUITOUS_APIS.contains(apiName);
	}

}
