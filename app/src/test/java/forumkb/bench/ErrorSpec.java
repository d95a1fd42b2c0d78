package forumkb.bench;

/**
 * One error a theme can produce: {@code domain} and {@code code} as NSError prints them,
 * an optional symbolic name ({@code errSecMissingEntitlement}, empty if none) and the
 * localized message (may hold {@code {placeholders}}).
 */
record ErrorSpec(String domain, int code, String symbol, String message) {

	/** Parses {@code Domain code [symbol] "message"}, the form the theme sheets use. */
	static ErrorSpec parse(String line) {
		int quote = line.indexOf('"');
		if (quote < 0 || !line.endsWith("\"")) {
			throw new IllegalArgumentException("error without quoted message: " + line);
		}
		String[] head = line.substring(0, quote).trim().split("\\s+");
		if (head.length < 2 || head.length > 3) {
			throw new IllegalArgumentException("expected Domain code [symbol]: " + line);
		}
		String symbol = head.length == 3 ? head[2] : "";
		return new ErrorSpec(head[0], Integer.parseInt(head[1]), symbol, line.substring(quote + 1, line.length() - 1));
	}
}
