package forumkb.search;

import forumkb.system.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a query apart. Only known field names followed directly by a value are filters,
 * so pasted text such as {@code Error Domain=NSCocoaErrorDomain Code=4097} or
 * {@code error: 22} stays free text and needs no escaping. A filter whose value cannot be
 * read (a bad date, an unknown {@code has:}) is a {@link BadQueryException} with a hint.
 */
public final class SearchQueryParser {

	static final Set<String> FIELDS = Set.of("code", "domain", "error", "api", "framework", "entitlement", "service",
			"tag", "topic", "has", "after", "before", "year");

	private static final Set<String> HAS_VALUES = Set.of("answer", "replies");

	private static final Pattern FILTER = Pattern.compile("(?<![\\w.-])([A-Za-z]+):(\"[^\"]*\"|[^\\s\"]+)");

	/**
	 * A filter name with nothing after it: at the end of the query, or with empty quotes.
	 */
	private static final Pattern EMPTY_FILTER = Pattern.compile("(?<![\\w.-])([A-Za-z]+):(?:\"\"|\\s*$)");

	private static final Map<String, String> EXAMPLES = Map.ofEntries(Map.entry("code", "-1200"),
			Map.entry("domain", "NSURLErrorDomain"), Map.entry("error", "errSecItemNotFound"),
			Map.entry("api", "NEFilterManager"), Map.entry("framework", "NetworkExtension"),
			Map.entry("entitlement", "com.apple.developer.networking.networkextension"),
			Map.entry("service", "nehelper"), Map.entry("tag", "\"Network Extension\""),
			Map.entry("topic", "Networking"), Map.entry("has", "answer"), Map.entry("after", "2025-01"),
			Map.entry("before", "2026"), Map.entry("year", "2025"));

	private static final int PASTED_LENGTH = 300;

	private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");

	/** A query the user can fix, with a message saying how. */
	public static final class BadQueryException extends BadRequestException {

		public BadQueryException(String message) {
			super(message);
		}

	}

	public SearchQuery parse(String raw) {
		String text = raw == null ? "" : raw;
		if (isPastedText(text)) {
			return new SearchQuery(text.strip(), List.of(), Map.of(), null, null);
		}
		Map<String, List<String>> filters = new LinkedHashMap<>();
		StringBuilder rest = new StringBuilder();
		int last = 0;
		for (WrittenFilter filter : filtersIn(text)) {
			rest.append(text, last, filter.start()).append(' ');
			last = filter.end();
			if (!filter.value().isBlank()) {
				filters.computeIfAbsent(filter.field(), key -> new ArrayList<>()).add(filter.value());
			}
		}
		rest.append(text.substring(last));

		List<String> phrases = new ArrayList<>();
		Matcher phrase = PHRASE.matcher(rest);
		StringBuilder free = new StringBuilder();
		int end = 0;
		while (phrase.find()) {
			free.append(rest, end, phrase.start()).append(' ');
			phrases.add(phrase.group(1));
			end = phrase.end();
		}
		free.append(rest.substring(end));

		Matcher empty = EMPTY_FILTER.matcher(text);
		while (empty.find()) {
			String field = empty.group(1).toLowerCase(Locale.ROOT);
			if (FIELDS.contains(field)) {
				throw new BadQueryException(field + ": needs a value, e.g. " + field + ":" + EXAMPLES.get(field));
			}
		}
		Instant after = date("after", filters.remove("after"));
		Instant before = date("before", filters.remove("before"));
		for (String value : filters.getOrDefault("has", List.of())) {
			if (!HAS_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
				throw new BadQueryException("has: takes answer or replies, not \"" + value + "\"");
			}
		}
		return new SearchQuery(free.toString().strip(), phrases, filters, after, before);
	}

	/** A filter as written in a query, and where: {@code start} to {@code end}. */
	record WrittenFilter(String field, String value, int start, int end) {
	}

	/**
	 * The filters written in a query, in order; none in pasted text, where they are log
	 * output.
	 */
	static List<WrittenFilter> filtersIn(String text) {
		if (isPastedText(text)) {
			return List.of();
		}
		List<WrittenFilter> written = new ArrayList<>();
		Matcher filter = FILTER.matcher(text);
		while (filter.find()) {
			String field = filter.group(1).toLowerCase(Locale.ROOT);
			if (FIELDS.contains(field)) {
				written.add(new WrittenFilter(field, unquote(filter.group(2)), filter.start(), filter.end()));
			}
		}
		return written;
	}

	/**
	 * A log or crash excerpt (several lines, or a long line) is searched as it is: in
	 * such text {@code domain:"com.apple.frontboard"} is log output, not a filter.
	 */
	static boolean isPastedText(String text) {
		return text.strip().contains("\n") || text.length() > PASTED_LENGTH;
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

	/**
	 * The start of {@code 2025}, {@code 2025-01} or {@code 2025-01-15}: "after" takes
	 * that period in, "before" leaves it out ({@code before:2026} ends with 2025), as
	 * people read them.
	 */
	private static Instant date(String field, List<String> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		String value = values.getLast();
		try {
			if (value.matches("\\d{4}")) {
				int year = Integer.parseInt(value);
				return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (value.matches("\\d{4}-\\d{2}")) {
				YearMonth month = YearMonth.parse(value);
				return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException e) {
			throw new BadQueryException(
					field + ": takes a year, month or day such as 2025, 2025-01 or 2025-01-15, not \"" + value + "\"");
		}
	}

}
