package forumkb.ingest.parse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small values a forum page shows: counts ("8.4k"), activity dates ("Jun ’25",
 * "Mar 14, 2025", "2h") and thread URLs. Works on {@link DumpLine#key()} forms.
 */
final class ForumValues {

	private static final Pattern COUNT = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*([kKmM]?)");

	/**
	 * Where a count may sit in running text; trailing separators are cut and the rest
	 * read as {@link #COUNT}.
	 */
	private static final Pattern COUNT_IN_TEXT = Pattern.compile("\\d[\\d,.]*(?:\\s?[kKmM](?![a-zA-Z]))?");

	private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";

	private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + " (?:'(\\d{2})|(\\d{4}))",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MONTH_DAY_YEAR = Pattern.compile(MONTH + " (\\d{1,2}),? (\\d{4})",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MONTH_DAY = Pattern.compile(MONTH + " (\\d{1,2})", Pattern.CASE_INSENSITIVE);

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	/** "2h", "3d", "5 minutes ago": how long ago, relative to when the page was saved. */
	private static final Pattern RELATIVE = Pattern.compile(
			"(\\d+) ?(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?)( ago)?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern THREAD_URL = Pattern.compile(
			"https?://(?:www\\.)?(?:developer\\.apple\\.com/forums|forums\\.developer\\.apple\\.com)/thread/(\\d+)\\S*",
			Pattern.CASE_INSENSITIVE);

	private ForumValues() {
	}

	/** A count line such as "478", "8.4k", "1,024" or "1.2M"; empty for anything else. */
	static Optional<Integer> count(String key) {
		Matcher m = COUNT.matcher(key);
		if (!m.matches()) {
			return Optional.empty();
		}
		BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
		String suffix = m.group(2).toLowerCase(Locale.ROOT);
		if (suffix.equals("k")) {
			value = value.movePointRight(3);
		}
		else if (suffix.equals("m")) {
			value = value.movePointRight(6);
		}
		if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			return Optional.empty();
		}
		return Optional.of(value.intValue());
	}

	/**
	 * The first count in text such as {@code "1,234"}, {@code "478 views"} or
	 * {@code "1.2k"}; null when there is none.
	 */
	static Integer countIn(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = COUNT_IN_TEXT.matcher(text);
		return m.find() ? count(m.group().replaceAll("[.,]+$", "")).orElse(null) : null;
	}

	static boolean isCount(String key) {
		return count(key).isPresent();
	}

	/** True when the whole line is an activity date in one of the forms listings use. */
	static boolean isActivityDate(String key) {
		return MONTH_YEAR.matcher(key).matches() || MONTH_DAY_YEAR.matcher(key).matches()
				|| MONTH_DAY.matcher(key).matches() || ISO_DATE.matcher(key).matches()
				|| RELATIVE.matcher(key).matches();
	}

	/**
	 * The instant an activity date stands for, at the precision shown (month or day,
	 * UTC). Forms that need to know when the page was saved (relative ages, dates without
	 * a year) use {@code clock}; without one they are unknown.
	 */
	static Instant activityDate(String key, Clock clock) {
		Matcher m = MONTH_YEAR.matcher(key);
		if (m.matches()) {
			return m.group(2) != null ? monthStart(month(m.group(1)), 2000 + Integer.parseInt(m.group(2)))
					: monthStart(month(m.group(1)), Integer.parseInt(m.group(3)));
		}
		m = MONTH_DAY_YEAR.matcher(key);
		if (m.matches()) {
			return day(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
		}
		m = ISO_DATE.matcher(key);
		if (m.matches()) {
			int month = Integer.parseInt(m.group(2));
			return month < 1 || month > 12 ? null
					: day(Integer.parseInt(m.group(1)), Month.of(month), Integer.parseInt(m.group(3)));
		}
		if (clock == null) {
			return null;
		}
		m = MONTH_DAY.matcher(key);
		if (m.matches()) {
			return day(LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear(), month(m.group(1)),
					Integer.parseInt(m.group(2)));
		}
		m = RELATIVE.matcher(key);
		if (m.matches()) {
			return clock.instant().minus(age(Long.parseLong(m.group(1)), m.group(2)));
		}
		return null;
	}

	/**
	 * The thread URL in a line that is nothing but a forum thread URL, normalised; else
	 * empty.
	 */
	static Optional<String> threadUrl(String key) {
		Matcher m = THREAD_URL.matcher(key);
		return m.matches() ? Optional.of(ThreadUrls.appleThread(m.group(1))) : Optional.empty();
	}

	static boolean mentionsForumUrl(String text) {
		return THREAD_URL.matcher(text).find() || text.contains("developer.apple.com/forums")
				|| text.contains("forums.developer.apple.com");
	}

	private static Month month(String name) {
		String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
		for (Month month : Month.values()) {
			if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(prefix)) {
				return month;
			}
		}
		throw new IllegalArgumentException("not a month: " + name);
	}

	private static Instant monthStart(Month month, int year) {
		return LocalDate.of(year, month, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Instant day(int year, Month month, int dayOfMonth) {
		if (dayOfMonth < 1 || dayOfMonth > month.length(java.time.Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, dayOfMonth).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Duration age(long amount, String unit) {
		String u = unit.toLowerCase(Locale.ROOT);
		if (u.startsWith("s")) {
			return Duration.ofSeconds(amount);
		}
		if (u.startsWith("m")) {
			return Duration.ofMinutes(amount);
		}
		if (u.startsWith("h")) {
			return Duration.ofHours(amount);
		}
		if (u.startsWith("d")) {
			return Duration.ofDays(amount);
		}
		return Duration.ofDays(7 * amount);
	}

}
