package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a dump into its non-blank lines, tolerating BOMs, CRLF/CR endings and trailing
 * spaces.
 */
final class DumpText {

	private DumpText() {
	}

	static List<DumpLine> nonBlankLines(String content) {
		List<DumpLine> lines = new ArrayList<>();
		if (content == null) {
			return lines;
		}
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		String[] raw = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String line = raw[i].replace("\uFEFF", "").stripTrailing();
			if (!line.isBlank()) {
				lines.add(DumpLine.of(i + 1, line));
			}
		}
		return lines;
	}

	/** Joins lines back into a post body, one line per line as the page showed them. */
	static String body(List<DumpLine> lines) {
		StringBuilder body = new StringBuilder();
		for (DumpLine line : lines) {
			if (!body.isEmpty()) {
				body.append('\n');
			}
			body.append(line.text());
		}
		return body.toString();
	}

}
