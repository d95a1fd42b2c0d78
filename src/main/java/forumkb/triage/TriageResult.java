package forumkb.triage;

import forumkb.search.SearchResult.Chip;
import java.util.List;
import java.util.stream.Stream;

/**
 * What triage answers: the suggestions worth showing (high or medium confidence), best
 * first; the weak matches below the bar, shown only on request; the entities it read in
 * the text, the symptom lines it kept from a long log, and whether any suggestion is a
 * confident match.
 */
public record TriageResult(List<Suggestion> suggestions, List<Suggestion> weakMatches, boolean confidentMatch,
        List<Chip> entities, String symptom, long tookMillis) {

    public String verdict() {
        return confidentMatch ? "confident match" : ranked().isEmpty() ? "no match" : "no confident match";
    }

    /** Every suggestion in order: the ones shown, then the weak matches. */
    public List<Suggestion> ranked() {
        return Stream.concat(suggestions.stream(), weakMatches.stream()).toList();
    }
}
