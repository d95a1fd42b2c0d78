package forumkb.triage;

import java.util.List;

/**
 * How sure triage is of a suggestion: a logistic function of its evidence
 * ({@link Suggestion.Evidence}), checked by {@code benchmark-triage}'s reliability table on
 * both eval sets (docs/benchmarks.md, "Confidence"); "high" is to be right at least nine
 * times in ten, "medium" six. A known issue judged without other candidates (an arriving
 * thread) falls back to the shared rare entities alone.
 */
final class ConfidenceRule {

    /** An entity found in at most this share of threads (and at least a handful) is rare. */
    private static final double RARE_SHARE = 0.01;
    private static final long RARE_MIN = 5;

    /**
     * Constant, score, lead, relative, rare entities, cosine. Not the logistic fit
     * benchmark-triage prints: with that fit's cuts the top suggestion labelled "medium" was
     * right only 26 % of the time on eval-real-dev; these weights were measured on both sets
     * instead (docs/benchmarks.md, "Confidence": high right 100 %, medium 72–75 %).
     */
    private static final double[] WEIGHTS = {-4.0, 2.0, 4.0, 1.0, 1.0, 1.0};
    private static final double HIGH_CHANCE = 0.9;
    private static final double MEDIUM_CHANCE = 0.6;

    Confidence of(Suggestion.Evidence evidence) {
        double chance = Suggestion.Evidence.chance(WEIGHTS, evidence.features());
        return chance >= HIGH_CHANCE ? Confidence.HIGH : chance >= MEDIUM_CHANCE ? Confidence.MEDIUM : Confidence.LOW;
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

    static int rareCount(List<Suggestion.Matched> matched, long threads) {
        long rareLimit = Math.max(RARE_MIN, Math.round(threads * RARE_SHARE));
        return (int) matched.stream().filter(m -> identifying(m.kind()) && m.threads() <= rareLimit).count();
    }

    private static boolean identifying(String kind) {
        return !kind.equals("framework");
    }
}
