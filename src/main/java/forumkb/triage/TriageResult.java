package forumkb.triage;

import forumkb.search.SearchResult.Chip;
import java.util.List;

/**
 * What triage answers: suggestions best first, the entities it read in the text, the
 * symptom lines it kept from a long log, and whether any suggestion is a confident match.
 */
public record TriageResult(List<Suggestion> suggestions, boolean confidentMatch, List<Chip> entities,
        String symptom, long tookMillis) {

    public String verdict() {
        return confidentMatch ? "confident match" : suggestions.isEmpty() ? "no match" : "no confident match";
    }
}
