package forumkb.extract;

import forumkb.extract.CrashReport.Frame;
import java.util.regex.Pattern;

/**
 * Reads one classic backtrace line,
 * {@code 3   PushKit   0x1e3b2c6a0 -[PKPushRegistry …] + 412}, as library and symbol. Cut
 * by hand rather than by one big regex: library names hold spaces and symbols hold
 * anything, which is where a regex starts to backtrack.
 */
final class FrameLine {

	/**
	 * Where the symbol ends: the "+ 412" offset, an atos "(in Library)" or an "[inlined]"
	 * mark.
	 */
	private static final Pattern SYMBOL_END = Pattern.compile(" \\+ \\d| \\(in [^)]*\\)| \\[inlined\\]");

	private FrameLine() {
	}

	/** The frame on this line, or null when the line is not a backtrace line. */
	static Frame parse(String line) {
		int i = skipSpaces(line, 0);
		int digits = i;
		while (i < line.length() && Character.isDigit(line.charAt(i))) {
			i++;
		}
		if (i == digits || i == line.length() || !Character.isWhitespace(line.charAt(i))) {
			return null;
		}
		int address = addressStart(line, i);
		if (address < 0) {
			return null;
		}
		String library = line.substring(i, address).strip();
		int afterAddress = address + 2;
		while (afterAddress < line.length() && Character.digit(line.charAt(afterAddress), 16) >= 0) {
			afterAddress++;
		}
		if (library.isEmpty() || afterAddress == address + 2) {
			return null;
		}
		return new Frame(library, symbol(line.substring(afterAddress).strip()));
	}

	/**
	 * The symbol without offset and location; empty when the frame is a bare address
	 * ("0x1000 + 4").
	 */
	static String symbol(String text) {
		if (text.startsWith("0x")) {
			return "";
		}
		var end = SYMBOL_END.matcher(text);
		return (end.find() ? text.substring(0, end.start()) : text).strip();
	}

	/** The "0x" of the first whitespace-led hex address after {@code from}, or -1. */
	private static int addressStart(String line, int from) {
		int at = line.indexOf("0x", from);
		while (at > from && !Character.isWhitespace(line.charAt(at - 1))) {
			at = line.indexOf("0x", at + 2);
		}
		return at > from ? at : -1;
	}

	private static int skipSpaces(String line, int i) {
		while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
			i++;
		}
		return i;
	}

}
