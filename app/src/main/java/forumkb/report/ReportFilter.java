package forumkb.report;

import forumkb.system.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The queue's filters: status, known issue, framework and age ({@code day}, {@code week},
 * {@code month}: submitted within it; {@code older}: more than a month ago); text to
 * find; and the order ({@code newest}, {@code oldest}, {@code status}, {@code assignee}).
 */
public record ReportFilter(String status, Long knownIssueId, String framework, String age, String q, String sort) {

	public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null, null);

	/** The queue's orders, each ending newest first. */
	public enum Order {

		NEWEST("r.submitted_at desc, r.id desc"), OLDEST("r.submitted_at, r.id"),
		STATUS("case r.status when 'NEW' then 0 when 'TRIAGED' then 1 else 2 end, r.submitted_at desc, r.id desc"),
		ASSIGNEE("a.email nulls first, r.submitted_at desc, r.id desc");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		String sql() {
			return sql;
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	Order order() {
		if (sort == null || sort.isBlank()) {
			return Order.NEWEST;
		}
		try {
			return Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadRequestException("unknown sort \"" + sort + "\": use newest, oldest, status or assignee");
		}
	}

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
