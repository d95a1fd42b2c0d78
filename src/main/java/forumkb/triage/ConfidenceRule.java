package forumkb.triage;

import java.util.List;

/**
 * When a suggestion is a confident match. Calibrated on eval-dev (see docs/benchmarks.md):
 * sharing a rare identifying entity is what separates a real match from a thread that
 * merely uses the same vocabulary, and only the leading suggestions can be confident.
 */
final class ConfidenceRule {

    /** An entity found in at most this share of threads (and at least a handful) is rare. */
    private static final double RARE_SHARE = 0.01;
    private static final long RARE_MIN = 5;
    private static final float NEAR_TOP = 0.8f;

    /** A cosine this high means the same symptom in other words, not merely the same topic. */
    private static final float CLOSE_MEANING = 0.6f;

    Confidence of(float score, float best, List<Suggestion.Matched> matched, long threads, int linkedMatches,
            Float cosine) {
        boolean close = cosine != null && cosine >= CLOSE_MEANING;
        long rare = rareCount(matched, threads);
        boolean nearTop = score >= best * NEAR_TOP;
        if (nearTop && (rare >= 2 || rare >= 1 && (linkedMatches > 0 || close))) {
            return Confidence.HIGH;
        }
        if (nearTop && rare >= 1 || score >= best * 0.5f && !matched.isEmpty()) {
            return Confidence.MEDIUM;
        }
        return Confidence.LOW;
    }

    /**
     * A known issue judged without other candidates to compare with: two rare shared
     * entities, or one and a signature phrase, are high; one rare entity or a phrase, medium.
     */
    Confidence onItsOwn(List<Suggestion.Matched> matched, long threads, int phrases) {
        long rare = rareCount(matched, threads);
        if (rare >= 2 || rare >= 1 && phrases > 0) {
            return Confidence.HIGH;
        }
        return rare >= 1 || phrases > 0 ? Confidence.MEDIUM : Confidence.LOW;
    }

    private static long rareCount(List<Suggestion.Matched> matched, long threads) {
        long rareLimit = Math.max(RARE_MIN, Math.round(threads * RARE_SHARE));
        return matched.stream().filter(m -> identifying(m.kind()) && m.threads() <= rareLimit).count();
    }

    private static boolean identifying(String kind) {
        return !kind.equals("framework");
    }
}
