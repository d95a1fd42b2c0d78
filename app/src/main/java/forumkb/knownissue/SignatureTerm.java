package forumkb.knownissue;

/**
 * One entity or phrase that identifies a known issue. {@code kind} is an entity kind's
 * wire name ({@code error}, {@code code}, {@code api-type}, …) or {@code phrase}; curated
 * terms come from engineers, feedback terms from confirmed reports, each confirmation
 * adding to {@code weight}.
 */
public record SignatureTerm(String kind, String value, Origin origin, float weight) {

	public static final String PHRASE = "phrase";

	public enum Origin {

		CURATED, FEEDBACK

	}

	public static SignatureTerm curated(String kind, String value) {
		return new SignatureTerm(kind, value, Origin.CURATED, 1f);
	}

	public boolean phrase() {
		return PHRASE.equals(kind);
	}
}
