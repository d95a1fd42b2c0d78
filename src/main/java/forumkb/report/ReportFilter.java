package forumkb.report;

import forumkb.system.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The queue's filters: status, known issue, framework and age ({@code day}, {@code week},
 * {@code month}: submitted within it; {@code older}: more than a month ago).
 */
public record ReportFilter(String status, Long knownIssueId, String framework, String age) {

	public static final ReportFilter ALL = new ReportFilter(null, null, null, null);

	ReportStatus statusValue() {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ReportStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadRequestException("unknown status \"" + status + "\": use new, triaged or closed");
		}
	}

	/** [from, to) of submission for the age filter; nulls for open ends. */
	Instant[] window(Instant now) {
		if (age == null || age.isBlank()) {
			return new Instant[] { null, null };
		}
		return switch (age.strip().toLowerCase(Locale.ROOT)) {
			case "day" -> new Instant[] { now.minus(Duration.ofDays(1)), null };
			case "week" -> new Instant[] { now.minus(Duration.ofDays(7)), null };
			case "month" -> new Instant[] { now.minus(Duration.ofDays(30)), null };
			case "older" -> new Instant[] { null, now.minus(Duration.ofDays(30)) };
			default -> throw new BadRequestException("unknown age \"" + age + "\": use day, week, month or older");
		};
	}
}
