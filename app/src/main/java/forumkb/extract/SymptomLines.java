package forumkb.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reduces a long pasted log to the lines that carry a symptom: the developer's own words,
 * lines with an error domain or code, and lines that say something failed. Routine log
 * chatter (scene updates, assertions, spotlight donations) would otherwise outvote the
 * one or two lines that matter. A crash report becomes its symptom lines
 * ({@link CrashReport#symptomLines()}): its hundreds of frames and binary images would
 * outvote everything else.
 */
public final class SymptomLines {

	/** Shorter texts are used whole. */
	static final int MIN_LINES = 8;

	private static final Pattern SYMPTOM = Pattern.compile(
			"(?i)\\b(error|err|fail(ed|s|ure)?|denied|deny|invalid|exception|crash(ed)?|abort(ed)?|terminat(ed|ion)"
					+ "|time[ds]? ?out|timed out|refused|not permitted|unable|cannot|can't|couldn't|could not|rejected"
					+ "|violation|killed|interrupted|lost|unreachable|unavailable|disallowed|not allowed|sigkill|sigabrt"
					+ "|exc_[a-z_]+|fault|panic|hang|stuck|never|missing|mismatch|untrusted|revoked|expired)\\b");

	/**
	 * A log line: starts with a date or time stamp, a thread/frame number, or a process
	 * tag.
	 */
	private static final Pattern LOG_LINE = Pattern.compile(
			"^\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}:\\d{2}|[A-Z][a-z]{2} +\\d{1,2} \\d{2}:|\\d+\\s+\\S+\\s+0x[0-9a-f]+"
					+ "|(default|error|fault|info|debug)\\s+\\d{2}:|\\[?0x[0-9a-f]+\\]?|Thread \\d+|\\w+\\[\\d+\\])");

	private final EntityExtractor extractor;

	private final CrashReportParser crashReports = new CrashReportParser();

	public SymptomLines(EntityExtractor extractor) {
		this.extractor = extractor;
	}

	public String reduce(String text) {
		return reduce(text, false);
	}

	/**
	 * What a confirmed report teaches its known issue: the developer's own words, log
	 * lines that carry an error or code, a crash report's symptom — not the log lines
	 * that failure words alone let through ("Failed to log metrics"), which every log has
	 * and would make the known issue look like every log.
	 */
	public String distinctive(String text) {
		return reduce(text, true);
	}

	private String reduce(String text, boolean strict) {
		Optional<CrashReport> report = crashReports.parse(text);
		if (report.isEmpty()) {
			return keepSymptoms(text, strict);
		}
		CrashReport crash = report.get();
		String prose = String.join("\n",
				(text.substring(0, crash.start()) + "\n" + text.substring(crash.end())).lines()
					.filter(line -> !line.isBlank())
					.toList());
		List<String> reduced = new ArrayList<>();
		if (!prose.isEmpty()) {
			reduced.add(keepSymptoms(prose, strict));
		}
		reduced.addAll(crash.symptomLines());
		return reduced.isEmpty() ? text : String.join("\n", reduced);
	}

	private String keepSymptoms(String text, boolean strict) {
		String[] lines = text.split("\\R");
		if (lines.length < MIN_LINES && !strict) {
			return text;
		}
		List<String> kept = new ArrayList<>();
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			if (!LOG_LINE.matcher(line).find() || !strict && SYMPTOM.matcher(line).find() || carriesCode(line)) {
				kept.add(line);
			}
		}
		return kept.isEmpty() ? text : String.join("\n", kept);
	}

	private boolean carriesCode(String line) {
		return extractor.extract(line)
			.stream()
			.anyMatch(entity -> entity.kind() == EntityKind.ERROR || entity.kind() == EntityKind.CODE);
	}

}
