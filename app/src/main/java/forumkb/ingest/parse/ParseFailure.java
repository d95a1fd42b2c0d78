package forumkb.ingest.parse;

/**
 * An item that could not be read. {@code item} names it for the person reading the report
 * (e.g. {@code "threads.jsonl line 7"}); {@code line} is its 1-based line where that
 * applies.
 */
public record ParseFailure(String item, Integer line, String reason) {
}
