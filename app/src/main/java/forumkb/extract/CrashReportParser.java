package forumkb.extract;

import java.util.List;
import java.util.Optional;

/**
 * Finds an Apple crash report anywhere in a text (after a developer's question, cut off,
 * or as a translated report followed by its .ips "Full Report") and reads what went wrong
 * from it. Stateless and thread-safe.
 */
public final class CrashReportParser {

	/**
	 * Words one of which every report form carries; text without any is answered without
	 * parsing.
	 */
	private static final List<String> SIGNS = List.of("Exception Type:", "Crashed:", "Termination Reason:",
			"Triggered by Thread:", "Crashed Thread:", "Last Exception Backtrace:", "Exception Codes:", "\"bug_type\"",
			"\"exception\"");

	public Optional<CrashReport> parse(String text) {
		if (text == null || SIGNS.stream().noneMatch(text::contains)) {
			return Optional.empty();
		}
		CrashReport classic = ClassicCrashReport.find(text);
		CrashReport ips = IpsCrashReport.find(text);
		if (classic == null || ips == null) {
			return Optional.ofNullable(classic != null ? classic : ips);
		}
		return Optional.of(classic.start() <= ips.start() ? merged(classic, ips) : merged(ips, classic));
	}

	/**
	 * One report from both forms of it: the first read wins, the other fills what it
	 * lacks.
	 */
	private static CrashReport merged(CrashReport first, CrashReport second) {
		return new CrashReport(either(first.exceptionType(), second.exceptionType()),
				either(first.exceptionCodes(), second.exceptionCodes()),
				either(first.terminationReason(), second.terminationReason()),
				either(first.exceptionMessage(), second.exceptionMessage()),
				first.topFrames().isEmpty() ? second.topFrames() : first.topFrames(),
				either(first.crashedThread(), second.crashedThread()),
				either(first.crashedThreadName(), second.crashedThreadName()), first.format(),
				Math.min(first.start(), second.start()), Math.max(first.end(), second.end()));
	}

	private static <T> T either(T first, T second) {
		return first != null ? first : second;
	}

}
