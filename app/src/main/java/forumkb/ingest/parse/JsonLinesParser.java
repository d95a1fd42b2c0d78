package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the canonical import format: one thread per line (design.md). A bad line is
 * reported with its line number and the other lines still come out. Large files are read
 * line by line through {@link #parseLine}, so they never sit in memory whole.
 */
public final class JsonLinesParser implements ThreadParser {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	@Override
	public ParseResult parse(String origin, String content) {
		List<ParsedThread> threads = new ArrayList<>();
		List<ParseFailure> failures = new ArrayList<>();
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			ParseResult line = parseLine(origin, i + 1, lines[i]);
			threads.addAll(line.threads());
			failures.addAll(line.failures());
		}
		if (threads.isEmpty() && failures.isEmpty()) {
			failures.add(new ParseFailure(origin, null, "no JSON lines found in " + origin));
		}
		return new ParseResult(threads, failures);
	}

	/** One line: a thread, a failure naming the line, or nothing for a blank line. */
	public ParseResult parseLine(String origin, int lineNumber, String rawLine) {
		String line = rawLine.strip();
		if (line.isEmpty()) {
			return new ParseResult(List.of(), List.of());
		}
		String item = origin + " line " + lineNumber;
		try {
			ParsedThread thread = CanonicalFormat.read(MAPPER.readTree(line));
			return ParseResult.of(List.of(thread.withProvenance(new Provenance(origin, lineNumber, lineNumber))));
		}
		catch (JacksonException e) {
			return failure(item, lineNumber, "malformed JSON: " + e.getOriginalMessage());
		}
		catch (IllegalArgumentException e) {
			return failure(item, lineNumber, e.getMessage());
		}
	}

	private static ParseResult failure(String item, int lineNumber, String reason) {
		return new ParseResult(List.of(), List.of(new ParseFailure(item, lineNumber, reason)));
	}

}
