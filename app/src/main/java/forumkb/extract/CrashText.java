package forumkb.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared clean-up of crash report text: what varies between two reports of one bug goes.
 */
final class CrashText {

	/** Longer fields are cut: a message that long is a dump, not a symptom. */
	static final int MAX_FIELD = 400;

	/**
	 * Addresses have 9 or more hex digits; shorter hex (0x8badf00d, 0xdead10cc) is a
	 * code. "at" goes with its address: "KERN_INVALID_ADDRESS at 0x10" keeps only the
	 * kind.
	 */
	private static final Pattern ADDRESS = Pattern.compile("(?:\\bat )?\\b0x[0-9a-fA-F]{9,}\\b");

	private static final Pattern UUID = Pattern
		.compile("<?\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b>?");

	private static final Pattern ONLY_NUMBERS = Pattern.compile("[\\s,0-9a-fA-Fx()]*");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * A termination code spelled in decimal that is really a magic word (2343432205 is
	 * 0x8badf00d).
	 */
	private static final Pattern LARGE_DECIMAL = Pattern.compile("\\b[1-9][0-9]{8,9}\\b");

	private static final Pattern UNCAUGHT = Pattern
		.compile("Terminating app due to uncaught exception '([A-Za-z0-9_.]{1,100})', reason: '([^\\n]{0,600})");

	/**
	 * What Application Specific Information says on every abort; it tells nothing about
	 * this one.
	 */
	private static final Set<String> BOILERPLATE = Set.of("abort() called",
			"dyld: launch, loading dependent libraries");

	private CrashText() {
	}

	/**
	 * The value without addresses and UUIDs, on one line and cut to length; null when
	 * nothing is left.
	 */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String cleaned = UUID.matcher(ADDRESS.matcher(value).replaceAll("")).replaceAll("");
		cleaned = SPACES.matcher(cleaned).replaceAll(" ").strip();
		if (cleaned.length() > MAX_FIELD) {
			cleaned = cleaned.substring(0, MAX_FIELD);
		}
		return cleaned.isEmpty() ? null : cleaned;
	}

	/**
	 * Exception codes keep their kind ("KERN_INVALID_ADDRESS"); bare numbers are dropped.
	 */
	static String codes(String value) {
		String cleaned = clean(value);
		if (cleaned == null) {
			return null;
		}
		String kinds = String.join(", ",
				Arrays.stream(cleaned.split(","))
					.filter(part -> !ONLY_NUMBERS.matcher(part).matches())
					.map(String::strip)
					.toList());
		return kinds.isEmpty() ? null : kinds;
	}

	/**
	 * Decimal magic-word termination codes (9–10 digits) in the hex spelling forum posts
	 * and catalogs use.
	 */
	static String hexCodes(String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = LARGE_DECIMAL.matcher(value);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			long code = Long.parseLong(matcher.group());
			String replacement = code > 0xFFFF && code <= 0xFFFFFFFFL
					? "0x" + Long.toHexString(code).toLowerCase(Locale.ROOT) : matcher.group();
			matcher.appendReplacement(out, replacement);
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * The message in Application Specific Information: its first two telling lines, or
	 * null.
	 */
	static String specificInformation(List<String> lines) {
		String joined = String.join(" ",
				lines.stream().map(String::strip).filter(line -> !BOILERPLATE.contains(line)).limit(2).toList());
		String uncaught = uncaughtException(joined);
		return uncaught != null ? uncaught : clean(joined);
	}

	/**
	 * "NSInvalidArgumentException: reason" from the runtime's "Terminating app due to …"
	 * line, or null.
	 */
	static String uncaughtException(String text) {
		Matcher matcher = UNCAUGHT.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		String reason = matcher.group(2);
		int close = reason.lastIndexOf('\'');
		return clean(matcher.group(1) + ": " + (close >= 0 ? reason.substring(0, close) : reason));
	}

	/** Two optional parts as one, space-separated; null when both are missing. */
	static String joined(String first, String second) {
		if (first == null || first.isBlank()) {
			return second;
		}
		return second == null ? first : first + " " + second;
	}

}
