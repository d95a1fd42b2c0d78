package forumkb.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Lenient readers for the dates and text forum pages and APIs show; null when unreadable.
 * Counts are {@link ForumValues#countIn}.
 */
final class Values {

	private Values() {
	}

	/**
	 * ISO-8601 with or without offset (no offset means UTC), a bare date, or epoch
	 * milliseconds (Discourse's {@code data-time}).
	 */
	static Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.matches("\\d{11,14}")) {
			return Instant.ofEpochMilli(Long.parseLong(text));
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException notDate) {
					return null;
				}
			}
		}
	}

	/** Trimmed text, or null when blank. */
	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
