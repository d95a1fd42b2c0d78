package forumkb.triage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One thing the pasted text most likely is: a known issue or a thread, with why — the
 * entities it shares (and in how many threads each occurs, rarer meaning stronger), the
 * words and phrases that matched, the similarity, and how confident triage is, with the
 * evidence that confidence was read from.
 */
public record Suggestion(Type type, long id, String title, String url, float score, Confidence confidence,
		List<Matched> matched, List<String> phrases, Float semanticSimilarity, String snippet,
		List<SnippetPart> snippetParts, String status, List<Related> threads, String why, Evidence evidence) {

	/** What a suggestion points at; written {@code known-issue} or {@code thread}. */
	public enum Type {

		KNOWN_ISSUE, THREAD;

		/** As the API, the pages and the stored suggestions write it. */
		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public static Type fromWire(String value) {
			for (Type type : values()) {
				if (type.wireName().equals(value)) {
					return type;
				}
			}
			throw new IllegalArgumentException("not a suggestion type: " + value);
		}

		@Override
		public String toString() {
			return wireName();
		}

	}

	/** A shared entity and the number of threads it occurs in. */
	public record Matched(String kind, String value, long threads) {
	}

	/** A piece of the snippet, marked where it matched the pasted text. */
	public record SnippetPart(String text, boolean match) {
	}

	/** A linked thread of a known issue that matched too. */
	public record Related(long id, String title, String url) {
	}

	/**
	 * What the confidence is read from: the fused score (1 = best both lexically and by
	 * meaning), its lead over the next candidate, its share of the best score, the rare
	 * identifying entities shared, and the best chunk's cosine (0 without vectors).
	 */
	public record Evidence(float score, float lead, float relative, int rareEntities, float cosine) {

		/** The names of {@link #features()} after the constant. */
		public static final List<String> FEATURES = List.of("score", "lead", "relative", "rare entities (up to 2)",
				"cosine");

		public double[] features() {
			return new double[] { 1, score, lead, relative, Math.min(rareEntities, 2), cosine };
		}

		/**
		 * The logistic chance of being right under {@code weights} (one per feature, the
		 * constant first).
		 */
		public static double chance(double[] weights, double[] features) {
			double logit = 0;
			for (int i = 0; i < weights.length; i++) {
				logit += weights[i] * features[i];
			}
			return 1 / (1 + Math.exp(-logit));
		}
	}

	public boolean knownIssue() {
		return type == Type.KNOWN_ISSUE;
	}
}
