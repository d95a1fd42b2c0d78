package forumkb.ingest.parse;

import java.util.Locale;

/** What a post is within its thread; stored lower-case as in the import format. */
public enum PostRole {

	QUESTION, ANSWER, COMMENT;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads the import format's role; unknown or missing roles fall back to the given
	 * default.
	 */
	public static PostRole fromWire(String value, PostRole fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		for (PostRole role : values()) {
			if (role.wireName().equalsIgnoreCase(value.trim())) {
				return role;
			}
		}
		return fallback;
	}

}
