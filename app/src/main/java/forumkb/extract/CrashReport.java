package forumkb.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * What an Apple crash report says went wrong, without the noise: addresses, offsets,
 * UUIDs and Binary Images are gone, so two reports of the same bug read the same.
 * {@code start} and {@code end} give the part of the parsed text the report occupies, so
 * the prose around it can be kept apart. Any text field may be null when the report does
 * not carry it.
 *
 * @param exceptionType {@code EXC_BAD_ACCESS (SIGSEGV)}
 * @param exceptionCodes the kind only: {@code KERN_INVALID_ADDRESS}, never the address
 * @param terminationReason {@code Namespace SIGNAL, Code 6 Abort trap: 6}
 * @param exceptionMessage the uncaught exception, Application Specific Information or
 * kernel triage text
 * @param topFrames the first telling frames of the crash, generic abort/throw frames
 * skipped
 * @param crashedThread the index of the crashed (triggered) thread, null when unknown
 * @param crashedThreadName its name or dispatch queue, null when unknown
 */
public record CrashReport(String exceptionType, String exceptionCodes, String terminationReason,
		String exceptionMessage, List<Frame> topFrames, Integer crashedThread, String crashedThreadName, Format format,
		int start, int end) {

	public enum Format {

		/** The text form: "Exception Type:", "Thread 0 Crashed:", "Binary Images:". */
		CLASSIC,
		/** The JSON form of macOS 12 and iOS 15 on: a header line, then a JSON body. */
		IPS

	}

	/**
	 * One stack frame as library and symbol; symbol is empty for an unsymbolicated frame.
	 */
	public record Frame(String library, String symbol) {

		@Override
		public String toString() {
			return symbol.isEmpty() ? library : library + " " + symbol;
		}
	}

	public CrashReport {
		topFrames = List.copyOf(topFrames);
	}

	/**
	 * The symptom as a few compact lines, in the words search and entity extraction know:
	 * exception type, codes, termination reason, message, then the top frames.
	 */
	public List<String> symptomLines() {
		List<String> lines = new ArrayList<>();
		addIfPresent(lines, "", exceptionType);
		addIfPresent(lines, "", exceptionCodes);
		addIfPresent(lines, "Termination Reason: ", terminationReason);
		addIfPresent(lines, "", exceptionMessage);
		topFrames.forEach(frame -> lines.add(frame.toString()));
		return lines;
	}

	private static void addIfPresent(List<String> lines, String label, String value) {
		if (value != null) {
			lines.add(label + value);
		}
	}
}
