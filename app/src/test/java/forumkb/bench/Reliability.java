package forumkb.bench;

import forumkb.triage.Confidence;
import forumkb.triage.Suggestion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How often triage's top suggestion is right, per confidence label: what a label
 * promises.
 */
final class Reliability {

	private final Map<Confidence, int[]> byLabel = new EnumMap<>(Confidence.class);

	/** A query's ranking (shown and weak) and whether each suggestion is right. */
	void add(List<Suggestion> ranked, List<Boolean> right) {
		if (ranked.isEmpty()) {
			return;
		}
		int[] counts = byLabel.computeIfAbsent(ranked.getFirst().confidence(), label -> new int[2]);
		counts[0] += right.getFirst() ? 1 : 0;
		counts[1]++;
	}

	void print() {
		System.out.println("reliability of the top suggestion's label (right / with that label):");
		for (Confidence label : Confidence.values()) {
			int[] counts = byLabel.getOrDefault(label, new int[2]);
			System.out.printf("  %-6s %3d of %3d  precision %s%n", label.label(), counts[0], counts[1],
					counts[1] == 0 ? "-" : "%.2f".formatted((double) counts[0] / counts[1]));
		}
	}

}
