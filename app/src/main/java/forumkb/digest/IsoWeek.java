package forumkb.digest;

import forumkb.system.BadRequestException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2026-W07}: Monday to Monday, in a given time zone. */
public record IsoWeek(int year, int week) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	public IsoWeek {
		LocalDate probe = LocalDate.of(year, 6, 1);
		if (week < 1 || week > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
			throw new BadRequestException("week " + week + " does not exist in " + year);
		}
	}

	/** Parses {@code YYYY-Www}; anything else is the caller's mistake. */
	public static IsoWeek parse(String text) {
		Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
		if (!matcher.matches()) {
			throw new BadRequestException("week must look like 2026-W07, not \"" + text + "\"");
		}
		return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public static IsoWeek of(LocalDate day) {
		return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	public static IsoWeek containing(Instant instant, ZoneId zone) {
		return of(instant.atZone(zone).toLocalDate());
	}

	public LocalDate monday() {
		return LocalDate.of(year, 1, 4)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public Instant start(ZoneId zone) {
		return monday().atStartOfDay(zone).toInstant();
	}

	public Instant end(ZoneId zone) {
		return next().start(zone);
	}

	public IsoWeek previous() {
		return of(monday().minusWeeks(1));
	}

	public IsoWeek next() {
		return of(monday().plusWeeks(1));
	}

	@Override
	public String toString() {
		return "%04d-W%02d".formatted(year, week);
	}
}
