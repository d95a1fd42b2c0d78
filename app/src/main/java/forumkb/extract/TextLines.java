package forumkb.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines that remember where they sit in it, for reports found inside
 * other text.
 */
final class TextLines {

	private final String text;

	private final List<String> lines = new ArrayList<>();

	private final List<Integer> starts = new ArrayList<>();

	TextLines(String text) {
		this.text = text;
		int from = 0;
		while (from <= text.length()) {
			int newline = text.indexOf('\n', from);
			int end = newline < 0 ? text.length() : newline;
			starts.add(from);
			lines.add(text.substring(from, end > from && text.charAt(end - 1) == '\r' ? end - 1 : end));
			from = end + 1;
		}
	}

	String text() {
		return text;
	}

	int size() {
		return lines.size();
	}

	String get(int index) {
		return lines.get(index);
	}

	/** Offset of the line's first character in the text. */
	int start(int index) {
		return starts.get(index);
	}

	/** Offset just past the line's last character. */
	int end(int index) {
		return starts.get(index) + lines.get(index).length();
	}

}
