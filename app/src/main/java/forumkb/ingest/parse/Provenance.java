package forumkb.ingest.parse;

/**
 * Where a thread came from: the file name or URL, and for text sources the 1-based,
 * inclusive line range it was read from (null when not line-based).
 */
public record Provenance(String origin, Integer firstLine, Integer lastLine) {

	public static Provenance of(String origin) {
		return new Provenance(origin, null, null);
	}
}
