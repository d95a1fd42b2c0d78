package forumkb.triage;

import java.util.List;
import java.util.stream.Stream;

/**
 * What triage answers: the suggestions worth showing (high or medium confidence), best
 * first; the weak matches below the bar, shown only on request; the entities it read in
 * the text, the symptom lines it kept from a long log, and whether any suggestion is a
 * confident match.
 */
public record TriageResult(List<Suggestion> suggestions, List<Suggestion> weakMatches, boolean confidentMatch,
		List<Entity> entities, String symptom, long tookMillis) {

	/**
	 * An entity read in the text, as a chip: kind, value and, for catalogued codes, what
	 * it means.
	 */
	public record Entity(String kind, String value, String meaning) {
	}

	public String verdict() {
		return confidentMatch ? "confident match" : ranked().isEmpty() ? "no match" : "no confident match";
	}

	/** Every suggestion in order: the ones shown, then the weak matches. */
	public List<Suggestion> ranked() {
		return Stream.concat(suggestions.stream(), weakMatches.stream()).toList();
	}
}
