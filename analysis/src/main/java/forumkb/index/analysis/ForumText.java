package forumkb.index.analysis;

import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Machine noise in pasted logs and crash reports, blanked before either analyzer
 * tokenizes, so that no token (and no half of one) comes from an address, a time or a
 * process id.
 *
 * <p>
 * {@code forumkb.extract.Scan} also skips this noise, but not with patterns: it cuts
 * identifiers by hand and steps over every digit-led run, which is right for an extractor
 * that only wants entities and wrong here, where ordinary numbers ({@code 4097},
 * {@code 18.1}) must stay. So the patterns live here once, for both analyzers.
 */
final class ForumText {

	private ForumText() {
	}

	private static final String TIME = "\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|\\s?[+-]\\d{2}:?\\d{2}(?!\\d))?";

	/**
	 * Noise, as one alternation so one pass removes it all. A hex literal is an address,
	 * a thread id or a load address (hex codes worth finding reach the {@code code} field
	 * through the entity extractor); {@code [903]} glued to a name is a pid
	 * ({@code xpc_error=[159]} is a value: '=' precedes it); {@code + 140} is a frame
	 * offset; {@code :509} after a source file a line.
	 */
	static final Pattern NOISE = Pattern.compile(String.join("|", "\\b0x[0-9A-Fa-f]+\\b",
			"\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b",
			"(?<![\\w:.])\\d{4}-\\d{2}-\\d{2}(?:[T ]" + TIME + ")?(?![\\w:])", "(?<![\\w:.])" + TIME + "(?![\\w:])",
			"(?<=\\bpid[:=]?\\s{0,3})\\d+\\b", "(?<=[\\w)])\\[\\d+(?::\\d+)?\\]", "(?<!\\S)\\+ \\d+\\b",
			"(?<=\\.(?:c|m|mm|h|cpp|swift)):\\d+\\b"));

	/**
	 * The text with each noise run replaced by one space; offsets still point into the
	 * original.
	 */
	static Reader withoutNoise(Reader reader) {
		return new NoiseCharFilter(reader);
	}

	/**
	 * False where no {@link #NOISE} match can begin, decided from a character or two.
	 * Trying the pattern at every position is what made analysis slow; most positions are
	 * letters inside words, and none of them can start noise. Each case mirrors an
	 * alternative above: a digit (hex literal, date, time, pid) after a word character
	 * only as the pid of {@code pid123}; {@code [} and {@code :} only before a digit;
	 * {@code +} only before a space; a hex letter only as the start of a UUID, whose
	 * ninth character is a dash.
	 */
	static boolean mayStartNoise(String text, int at) {
		char c = text.charAt(at);
		if (c >= '0' && c <= '9') {
			return at == 0 || !isAsciiWordChar(text.charAt(at - 1)) || at >= 3 && text.startsWith("pid", at - 3);
		}
		return switch (c) {
			case '[', ':' -> at + 1 < text.length() && isAsciiDigit(text.charAt(at + 1));
			case '+' -> at + 1 < text.length() && text.charAt(at + 1) == ' ';
			case 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'D', 'E', 'F' ->
				at + 8 < text.length() && text.charAt(at + 8) == '-';
			default -> false;
		};
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** What {@code \w} and {@code \b} in {@link #NOISE} count as a word character. */
	private static boolean isAsciiWordChar(char c) {
		return isAsciiDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

}
