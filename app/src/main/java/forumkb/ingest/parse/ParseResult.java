package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parser made of one input: the threads it read and the items it could not read.
 */
public record ParseResult(List<ParsedThread> threads, List<ParseFailure> failures) {

	public ParseResult {
		threads = List.copyOf(threads);
		failures = List.copyOf(failures);
	}

	public static ParseResult of(List<ParsedThread> threads) {
		return new ParseResult(threads, List.of());
	}

	public static ParseResult failure(String item, String reason) {
		return new ParseResult(List.of(), List.of(new ParseFailure(item, null, reason)));
	}

	public ParseResult plus(ParseResult other) {
		List<ParsedThread> allThreads = new ArrayList<>(threads);
		allThreads.addAll(other.threads);
		List<ParseFailure> allFailures = new ArrayList<>(failures);
		allFailures.addAll(other.failures);
		return new ParseResult(allThreads, allFailures);
	}
}
