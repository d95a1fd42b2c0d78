package forumkb.ingest.parse;

/**
 * Turns one input document into threads. Implementations are pure functions of the text:
 * they never throw for bad input, they report it as a {@link ParseFailure}.
 *
 * @param origin the file name or URL, used in provenance and failure reports
 */
public interface ThreadParser {

	ParseResult parse(String origin, String content);

}
