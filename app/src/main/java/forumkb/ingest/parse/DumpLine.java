package forumkb.ingest.parse;

/**
 * One non-blank line of a text dump with its 1-based line number in the original file.
 * {@code text} has trailing whitespace removed; {@code key} is a matching form with curly
 * quotes straightened and inner whitespace collapsed, so patterns need not care about
 * them.
 */
record DumpLine(int number, String text, String key) {

	static DumpLine of(int number, String text) {
		return new DumpLine(number, text, keyOf(text));
	}

	static String keyOf(String text) {
		return text.replace('\u2019', '\'')
			.replace('\u2018', '\'')
			.replace('\u201C', '"')
			.replace('\u201D', '"')
			.replace('\u00A0', ' ')
			.replaceAll("\\s+", " ")
			.strip();
	}
}
