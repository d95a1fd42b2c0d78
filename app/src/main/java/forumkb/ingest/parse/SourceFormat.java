package forumkb.ingest.parse;

import java.util.Locale;

/** The input formats forumkb reads. */
public enum SourceFormat {

	JSONL, TEXT_DUMP, HTML, FEED, DISCOURSE;

	public static SourceFormat fromName(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return switch (name) {
			case "TEXT", "TXT", "DUMP" -> TEXT_DUMP;
			case "RSS", "ATOM" -> FEED;
			case "JSON_LINES", "NDJSON" -> JSONL;
			default -> valueOf(name);
		};
	}

}
