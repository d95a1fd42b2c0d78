package forumkb.triage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line "why" a suggestion shows: shared entities (with their rarity), words,
 * linked threads.
 */
final class Explanations {

	private static final int SHOWN = 4;

	private Explanations() {
	}

	static String why(List<Suggestion.Matched> matched, List<String> phrases, int linkedMatches, long threads) {
		StringBuilder why = new StringBuilder();
		if (!matched.isEmpty()) {
			why.append("Shares ")
				.append(matched.stream()
					.limit(SHOWN)
					.map(m -> m.value() + " (" + rarity(m.threads(), threads) + ")")
					.collect(Collectors.joining(", ")));
		}
		if (!phrases.isEmpty()) {
			why.append(why.isEmpty() ? "Matches " : "; matches ")
				.append(phrases.stream()
					.limit(SHOWN)
					.map(p -> "\u201c" + p + "\u201d")
					.collect(Collectors.joining(", ")));
		}
		if (linkedMatches > 0) {
			why.append(why.isEmpty() ? "" : "; ")
				.append(linkedMatches)
				.append(linkedMatches == 1 ? " linked thread matches too" : " linked threads match too");
		}
		return why.isEmpty() ? "Similar wording" : why.append('.').toString();
	}

	private static String rarity(long withIt, long threads) {
		return withIt == 0 ? "in no other thread" : "in " + withIt + " of " + threads + " threads";
	}

}
