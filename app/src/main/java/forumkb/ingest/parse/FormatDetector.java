package forumkb.ingest.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses an input's {@link SourceFormat}: from the content first, then the content type,
 * then the file extension, else {@link SourceFormat#TEXT_DUMP}. A caller that knows the
 * format passes it instead of asking. Pure: looks only at its arguments.
 *
 * <p>
 * Content rules, on the first non-blank characters (a byte-order mark is skipped):
 * <ul>
 * <li>{@code {} and a top-level-looking {@code "post_stream"} key in a single JSON
 * document → DISCOURSE;
 * <li>{@code {} with every non-blank line starting with {@code {} → JSONL;
 * <li>{@code <?xml}, {@code <rss}, {@code <feed}, {@code <rdf:RDF} → FEED (but XHTML
 * after {@code <?xml} → HTML);
 * <li>{@code <!doctype html}, {@code <html} → HTML.
 * </ul>
 * Anything else (including JSON that fits neither rule, or other markup) is ambiguous and
 * falls to the hints.
 */
public final class FormatDetector {

	private static final Pattern LEADING_XML_NOISE = Pattern.compile("^(<\\?xml[^>]*>|<!--.*?-->|\\s+)+",
			Pattern.DOTALL);

	private static final int SAMPLE = 8192;

	private FormatDetector() {
	}

	public static SourceFormat detect(String filename, String contentType, String content) {
		SourceFormat sniffed = sniff(content == null ? "" : content);
		if (sniffed != null) {
			return sniffed;
		}
		SourceFormat byType = fromContentType(contentType);
		if (byType != null) {
			return byType;
		}
		SourceFormat byName = fromFilename(filename);
		return byName != null ? byName : SourceFormat.TEXT_DUMP;
	}

	private static SourceFormat sniff(String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		text = text.stripLeading();
		String head = text.substring(0, Math.min(text.length(), SAMPLE)).toLowerCase(Locale.ROOT);
		if (head.startsWith("{")) {
			boolean lineDelimited = text.lines()
				.filter(line -> !line.isBlank())
				.allMatch(line -> line.stripLeading().startsWith("{"));
			boolean singleLine = text.strip().lines().count() == 1;
			if (text.contains("\"post_stream\"") && (!lineDelimited || singleLine)) {
				return SourceFormat.DISCOURSE;
			}
			return lineDelimited ? SourceFormat.JSONL : null;
		}
		if (head.startsWith("<")) {
			String markup = LEADING_XML_NOISE.matcher(head).replaceFirst("");
			if (markup.startsWith("<!doctype html") || markup.startsWith("<html")) {
				return SourceFormat.HTML;
			}
			if (markup.startsWith("<rss") || markup.startsWith("<feed") || markup.startsWith("<rdf:rdf")
					|| head.startsWith("<?xml")) {
				return SourceFormat.FEED;
			}
		}
		return null;
	}

	private static SourceFormat fromContentType(String contentType) {
		if (contentType == null) {
			return null;
		}
		String type = contentType.toLowerCase(Locale.ROOT).replaceFirst(";.*$", "").strip();
		return switch (type) {
			case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" ->
				SourceFormat.JSONL;
			case "application/json" -> SourceFormat.DISCOURSE;
			case "text/html", "application/xhtml+xml" -> SourceFormat.HTML;
			case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml" -> SourceFormat.FEED;
			case "text/plain", "text/markdown" -> SourceFormat.TEXT_DUMP;
			default -> null; // application/octet-stream and friends say nothing
		};
	}

	private static SourceFormat fromFilename(String filename) {
		if (filename == null) {
			return null;
		}
		String name = filename.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 || name.indexOf('/', dot) >= 0 ? "" : name.substring(dot + 1);
		return switch (extension) {
			case "jsonl", "ndjson" -> SourceFormat.JSONL;
			case "json" -> SourceFormat.DISCOURSE;
			case "html", "htm", "xhtml" -> SourceFormat.HTML;
			case "rss", "atom", "xml" -> SourceFormat.FEED;
			case "txt", "text", "md", "log" -> SourceFormat.TEXT_DUMP;
			default -> name.endsWith("/rss") || name.endsWith("/feed") ? SourceFormat.FEED : null;
		};
	}

	/**
	 * Why bytes are not text we can read, or null when they look like text. Rejects NUL
	 * bytes (no text format we read has them; images, archives and PDFs do), well-known
	 * binary signatures, and a sample where more than 10% of the characters are control
	 * characters other than tab, line feed, carriage return and form feed.
	 */
	public static String binaryReason(byte[] content) {
		if (content == null || content.length == 0) {
			return null;
		}
		String signature = signature(content);
		if (signature != null) {
			return "binary content (" + signature + "), not text";
		}
		for (int i = 0; i < Math.min(content.length, SAMPLE); i++) {
			if (content[i] == 0) {
				return "binary content: NUL byte at offset " + i + ", not text";
			}
		}
		return controlShare(
				new String(content, 0, Math.min(content.length, SAMPLE), java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	/** The same check for content already decoded; null when it looks like text. */
	public static String binaryReason(String content) {
		if (content == null || content.isEmpty()) {
			return null;
		}
		int nul = content.indexOf('\0');
		if (nul >= 0) {
			return "binary content: NUL character at offset " + nul + ", not text";
		}
		return controlShare(content.substring(0, Math.min(content.length(), SAMPLE)));
	}

	private static String controlShare(String sample) {
		long control = sample.chars()
			.filter(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
			.count();
		if (control * 10 > sample.length()) {
			return "binary content: " + (control * 100 / sample.length()) + "% control characters in the first "
					+ sample.length() + " characters, not text";
		}
		return null;
	}

	private static String signature(byte[] b) {
		if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
			return "a PDF document";
		}
		if (starts(b, 0x50, 0x4b, 0x03, 0x04)) {
			return "a ZIP archive";
		}
		if (starts(b, 0x1f, 0x8b)) {
			return "gzip-compressed data";
		}
		if (starts(b, 0x89, 0x50, 0x4e, 0x47)) {
			return "a PNG image";
		}
		if (starts(b, 0xff, 0xd8, 0xff)) {
			return "a JPEG image";
		}
		return null;
	}

	private static boolean starts(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
