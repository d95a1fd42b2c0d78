package forumkb.triage;

import forumkb.search.SearchResult.SnippetPart;
import java.util.List;

/**
 * One thing the pasted text most likely is: a known issue or a thread, with why — the
 * entities it shares (and in how many threads each occurs, rarer meaning stronger), the
 * words and phrases that matched, the similarity, and how confident triage is.
 */
public record Suggestion(
        String type, long id, String title, String url, float score, Confidence confidence, List<Matched> matched,
        List<String> phrases, Float semanticSimilarity, String snippet, List<SnippetPart> snippetParts,
        String status, List<Related> threads, String why) {

    public static final String KNOWN_ISSUE = "known-issue";
    public static final String THREAD = "thread";

    /** A shared entity and the number of threads it occurs in. */
    public record Matched(String kind, String value, long threads) {
    }

    /** A linked thread of a known issue that matched too. */
    public record Related(long id, String title, String url) {
    }

    public boolean knownIssue() {
        return KNOWN_ISSUE.equals(type);
    }
}
