package forumkb.triage;

import java.util.List;

/**
 * How sure triage is of a suggestion: a logistic function of its evidence
 * ({@link Suggestion.Evidence}), checked by {@code benchmark-triage}'s reliability table
 * on both eval sets (docs/benchmarks.md, "Confidence"); "high" is to be right at least
 * nine times in ten, "medium" six. A known issue judged without other candidates (an
 * arriving thread) falls back to the shared rare entities alone.
 */
final class ConfidenceRule {

	/**
	 * An entity found in at most this share of threads (and at least a handful) is rare.
	 */
	private static final double RARE_SHARE = 0.01;

	private static final long RARE_MIN = 5;

	/**
	 * Constant, score, lead, relative, rare entities, cosine, and the cuts on the chance:
	 * the logistic fit on the top suggestion of every query of eval-dev and eval-real-dev
	 * pooled (106), as {@code benchmark-triage --no-feedback} printed it on 2026-12-07;
	 * the cuts are the lowest chances at which the fitted tops were right 100 % and 70 %
	 * of the time (targets 90 % and 60 %, plus a margin). With them the top suggestion
	 * labelled high was right 19/19 and 8/8, medium 17/25 and 16/24, on the two sets
	 * (docs/benchmarks.md, "Confidence"). Rerun the benchmark and copy its figures here
	 * after a ranking change.
	 */
	private static final double[] WEIGHTS = { -1.367, 0.749, 2.398, 0.129, 0.759, 0.577 };

	private static final double HIGH_CHANCE = 0.813;

	/**
	 * Raised from the fit's 0.556 to where its own table's bands cross 60 %: tops with a
	 * chance of 0.5-0.6 were right 7 times in 21, those of 0.6-0.7 12 in 19, and the
	 * check run's re-fit put this cut at 0.597. At 0.556 a known issue sharing one common
	 * word with unrelated text (a sourdough question and "removing") came out medium, or
	 * not, with the corpus around it.
	 */
	private static final double MEDIUM_CHANCE = 0.6;

	/**
	 * Below this cosine, with no rare entity shared, a suggestion is low whatever its
	 * lead: a lead built on common words over nothing else ("two days", for a question
	 * about sourdough: lead 0.35, cosine 0.19) made a possible match of unrelated text.
	 * On both eval sets no medium or high suggestion is below it (the lowest right one
	 * without a rare entity: 0.45); the four candidates below it were wrong, and low.
	 * Without vectors the cosine is 0 and only the fit decides, as before.
	 */
	private static final double MEANING_FLOOR = 0.35;

	Confidence of(Suggestion.Evidence evidence) {
		if (evidence.rareEntities() == 0 && evidence.cosine() != 0 && evidence.cosine() < MEANING_FLOOR) {
			return Confidence.LOW;
		}
		double chance = Suggestion.Evidence.chance(WEIGHTS, evidence.features());
		return chance >= HIGH_CHANCE ? Confidence.HIGH : chance >= MEDIUM_CHANCE ? Confidence.MEDIUM : Confidence.LOW;
	}

	/**
	 * A known issue judged without other candidates to compare with: two rare shared
	 * entities, or one and a signature phrase, are high; one rare entity or a phrase,
	 * medium.
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
