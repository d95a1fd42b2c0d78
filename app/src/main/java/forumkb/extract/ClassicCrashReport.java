package forumkb.extract;

import forumkb.extract.CrashReport.Format;
import forumkb.extract.CrashReport.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text form of a crash report out of a longer text: finds where it starts and
 * ends, then walks its sections (header fields, Application Specific Information, Last
 * Exception Backtrace, the thread backtraces) and ignores the rest (registers, Binary
 * Images).
 */
final class ClassicCrashReport {

	/** Any of these lines means the text holds a crash report (or a good part of one). */
	private static final Set<String> MARKERS = Set.of("Exception Type", "Exception Codes", "Termination Reason",
			"Crashed Thread", "Triggered by Thread", "Last Exception Backtrace", "Incident Identifier");

	/** Fields a crash report's lines start with; prose lines rarely do. */
	private static final Set<String> FIELDS = Set.of("Incident Identifier", "CrashReporter Key", "Hardware Model",
			"Process", "Path", "Identifier", "Version", "Code Type", "Role", "Parent Process", "Coalition",
			"Responsible Process", "Responsible", "User ID", "Date/Time", "Launch Time", "OS Version", "Release Type",
			"Baseband Version", "Report Version", "Anonymous UUID", "Sleep/Wake UUID", "Time Awake Since Boot",
			"Time Since Wake", "System Integrity Protection", "Crashed Thread", "Triggered by Thread",
			"Highlighted by Thread", "Exception Type", "Exception Codes", "Exception Subtype", "Exception Note",
			"Exception Message", "Exception Reason", "Termination Reason", "Termination Description",
			"Termination Signal", "Terminating Process", "Kernel Triage", "VM Region Info",
			"Application Specific Information", "Application Specific Signatures", "Last Exception Backtrace",
			"Binary Images", "External Modification Summary", "VM Region Summary", "Error Formulating Crash Report",
			"AppStoreTools", "AppVariant", "Beta Identifier", "Distributor ID", "Logical CPU", "Error Code",
			"Trap Number", "Thread State", "ReadOnly portion of Libraries", "Writable regions",
			"Calls made by other processes targeting this process", "Calls made by this process",
			"Calls made by all processes on this machine");

	private static final Set<String> REPORT_LINES = Set.of("Translated Report (Full Report Below)", "Full Report",
			"EOF", "Backtrace not available", "No thread state (register information) available",
			"Binary images description not available");

	private enum Section {

		HEADER, INFO, TERMINATION, EXCEPTION_BACKTRACE, THREAD, OTHER

	}

	private final TextLines lines;

	private final Map<Integer, List<Frame>> threadFrames = new HashMap<>();

	private final Map<Integer, String> threadNames = new HashMap<>();

	private final List<Frame> exceptionBacktrace = new ArrayList<>();

	private final List<String> info = new ArrayList<>();

	private final Map<String, String> fields = new HashMap<>();

	private final StringBuilder termination = new StringBuilder();

	private Integer crashedThread;

	private ClassicCrashReport(TextLines lines) {
		this.lines = lines;
	}

	/** The first crash report in the text, or null when there is none. */
	static CrashReport find(String text) {
		TextLines lines = new TextLines(text);
		int marker = firstMarker(lines);
		if (marker < 0) {
			return null;
		}
		return new ClassicCrashReport(lines).read(startBefore(lines, marker), endAfter(lines, marker));
	}

	private CrashReport read(int first, int last) {
		Section section = Section.HEADER;
		List<Frame> frames = null;
		for (int i = first; i <= last; i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				section = section == Section.OTHER ? Section.OTHER : Section.HEADER;
				continue;
			}
			Frame frame = FrameLine.parse(line);
			if (frame != null) {
				if (frames != null) {
					frames.add(frame);
				}
				continue;
			}
			if (line.startsWith("Thread ")) {
				frames = thread(line);
				section = frames == null ? Section.OTHER : Section.THREAD;
				continue;
			}
			String field = field(line);
			if (field != null) {
				section = field(field, value(line));
				frames = section == Section.EXCEPTION_BACKTRACE ? exceptionBacktrace : null;
			}
			else if (section == Section.INFO) {
				info.add(line.strip());
			}
			else if (section == Section.TERMINATION) {
				termination.append(' ').append(line.strip());
			}
		}
		return report(lines.start(first), lines.end(last));
	}

	/** Records a header field; returns the section its following lines belong to. */
	private Section field(String name, String value) {
		switch (name) {
			case "Application Specific Information" -> {
				if (!value.isEmpty()) {
					info.add(value);
				}
				return Section.INFO;
			}
			case "Last Exception Backtrace" -> {
				return Section.EXCEPTION_BACKTRACE;
			}
			case "Termination Reason" -> {
				termination.append(value);
				return Section.TERMINATION;
			}
			case "Triggered by Thread", "Crashed Thread" -> crashedThread = leadingNumber(value);
			case "Binary Images", "VM Region Summary", "External Modification Summary" -> {
				return Section.OTHER;
			}
			default -> fields.putIfAbsent(name, value);
		}
		return Section.HEADER;
	}

	/**
	 * "Thread 3 name: …", "Thread 0 Crashed:", "Thread 4:"; the frame list that follows,
	 * or null.
	 */
	private List<Frame> thread(String line) {
		int end = "Thread ".length();
		while (end < line.length() && Character.isDigit(line.charAt(end))) {
			end++;
		}
		Integer index = leadingNumber(line.substring("Thread ".length(), end));
		String rest = line.substring(end);
		if (index == null) {
			return null;
		}
		if (rest.startsWith(" name:")) {
			nameAfter(index, rest.substring(" name:".length()));
			return null;
		}
		if (rest.startsWith(" Crashed:")) {
			crashedThread = index;
			nameAfter(index, rest.substring(" Crashed:".length()));
		}
		else if (!rest.startsWith(":")) {
			return null; // "Thread 0 crashed with ARM Thread State": registers, not
							// frames
		}
		return threadFrames.computeIfAbsent(index, key -> new ArrayList<>());
	}

	/**
	 * Older reports name the thread on its header line: "Thread 0 Crashed:: Dispatch
	 * queue: …".
	 */
	private void nameAfter(int index, String rest) {
		String name = rest.replaceFirst("^:", "").strip();
		if (!name.isEmpty()) {
			threadNames.putIfAbsent(index, name);
		}
	}

	private CrashReport report(int start, int end) {
		String message = message();
		List<Frame> crashed = crashedThread == null ? List.of() : threadFrames.getOrDefault(crashedThread, List.of());
		List<Frame> source = exceptionBacktrace.isEmpty() ? crashed : exceptionBacktrace;
		String codes = CrashText
			.codes(CrashText.joined(fields.get("Exception Codes"), fields.get("Exception Subtype")));
		String terminationText = CrashText.joined(termination.toString(),
				firstClause(fields.get("Termination Description")));
		String type = CrashText.clean(fields.get("Exception Type"));
		String terminationReason = CrashText.clean(CrashText.hexCodes(terminationText));
		List<Frame> top = CrashFrames.top(source, message != null || !exceptionBacktrace.isEmpty());
		if (type == null && terminationReason == null && message == null && top.isEmpty()) {
			return null; // header lines only: nothing to tell this crash by
		}
		return new CrashReport(type, codes, terminationReason, message, top, crashedThread,
				crashedThread == null ? null : threadNames.get(crashedThread), Format.CLASSIC, start, end);
	}

	private String message() {
		String uncaught = CrashText.uncaughtException(lines.text());
		if (uncaught != null) {
			return uncaught;
		}
		String reason = fields.getOrDefault("Exception Reason", fields.get("Exception Message"));
		if (reason != null) {
			return CrashText.clean(reason);
		}
		return CrashText.specificInformation(info);
	}

	private static int firstMarker(TextLines lines) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String field = field(line);
			if (field != null && MARKERS.contains(field) || line.startsWith("Thread ") && line.contains(" Crashed:")) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Back from the first marker over the header lines and blank lines above it, up to
	 * the prose.
	 */
	private static int startBefore(TextLines lines, int marker) {
		int start = marker;
		for (int i = marker - 1; i >= 0 && (lines.get(i).isBlank() || isReportLine(lines.get(i))); i--) {
			if (!lines.get(i).isBlank()) {
				start = i;
			}
		}
		return start;
	}

	/**
	 * To the last line that looks like the report's, and on over the text that continues
	 * a field without a blank line (the details under "Termination Reason:"); after that,
	 * prose.
	 */
	private static int endAfter(TextLines lines, int marker) {
		int last = marker;
		for (int i = marker + 1; i < lines.size(); i++) {
			if (isReportLine(lines.get(i))) {
				last = i;
			}
		}
		if (field(lines.get(last)) != null) {
			while (last + 1 < lines.size() && !lines.get(last + 1).isBlank()) {
				last++;
			}
		}
		return last;
	}

	private static boolean isReportLine(String line) {
		String stripped = line.strip();
		return field(line) != null || line.startsWith("Thread ") || FrameLine.parse(line) != null
				|| REPORT_LINES.contains(stripped) || stripped.startsWith("0x") || stripped.startsWith("---")
				|| !stripped.isEmpty() && Character.isWhitespace(line.charAt(0));
	}

	/**
	 * The field name this line starts with ("Exception Type" for "Exception Type:
	 * EXC_CRASH"), or null.
	 */
	private static String field(String line) {
		int colon = line.indexOf(':');
		if (colon <= 0 || colon > 60) {
			return null;
		}
		String name = line.substring(0, colon).strip();
		return FIELDS.contains(name) ? name : null;
	}

	private static String value(String line) {
		return line.substring(line.indexOf(':') + 1).strip();
	}

	private static Integer leadingNumber(String value) {
		int end = 0;
		while (end < value.length() && Character.isDigit(value.charAt(end))) {
			end++;
		}
		return end == 0 || end > 6 ? null : Integer.valueOf(value.substring(0, end));
	}

	/** The watchdog's description up to its first "|": the rest is CPU statistics. */
	private static String firstClause(String description) {
		if (description == null) {
			return null;
		}
		int bar = description.indexOf(" | ");
		return bar < 0 ? description : description.substring(0, bar);
	}

}
