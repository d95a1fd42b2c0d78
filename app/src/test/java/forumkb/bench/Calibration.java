package forumkb.bench;

import forumkb.triage.Confidence;
import forumkb.triage.Suggestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the chance that triage's top suggestion is right to its evidence (logistic
 * regression on the top suggestion of every query of the eval sets measured, pooled),
 * chooses the label cuts on the fitted chance, and prints the weights, the cuts and what
 * the labels would be worth on each set: in-sample, and fitted on the other sets only (a
 * check that the cuts are not tuned to the set's own queries). The pooled weights and
 * cuts are what {@code ConfidenceRule} uses; rerun this after a ranking change. Only the
 * top suggestion is fitted because it is what a user reads: a fit over every rank is
 * dominated by ranks 2–10, almost all wrong, and its cuts did not hold for the top.
 */
final class Calibration {

	private static final int ITERATIONS = 20_000;

	private static final double LEARNING_RATE = 0.5;

	/** Keeps the weights small: a hundred queries are few. */
	private static final double L2 = 0.01;

	/**
	 * The precision each label promises, and the margin the cuts keep above it on the
	 * fitted data.
	 */
	private static final double HIGH_PRECISION = 0.9;

	private static final double MEDIUM_PRECISION = 0.6;

	private static final double MARGIN = 0.10;

	/** A query's ranking as evidence and rightness, and whether any thread covers it. */
	private record Query(List<double[]> features, List<Boolean> right, boolean covered) {
	}

	/** Weights with the chance cuts for "high" and "medium". */
	private record Fit(double[] weights, double high, double medium) {

		Confidence label(double[] features) {
			double chance = Suggestion.Evidence.chance(weights, features);
			return chance >= high ? Confidence.HIGH : chance >= medium ? Confidence.MEDIUM : Confidence.LOW;
		}
	}

	private final Map<String, List<Query>> sets = new LinkedHashMap<>();

	void add(String set, List<Suggestion> ranked, List<Boolean> right, boolean covered) {
		if (!ranked.isEmpty()) {
			sets.computeIfAbsent(set, name -> new ArrayList<>())
				.add(new Query(ranked.stream().map(s -> s.evidence().features()).toList(), right, covered));
		}
	}

	void print() {
		if (sets.isEmpty()) {
			return;
		}
		List<Query> pooled = sets.values().stream().flatMap(List::stream).toList();
		Fit fit = fit(pooled);
		System.out.println();
		System.out.printf("Calibration on the top suggestion of %d queries (%s; constant, %s):%n", pooled.size(),
				String.join(", ", sets.keySet()), String.join(", ", Suggestion.Evidence.FEATURES));
		StringBuilder weights = new StringBuilder();
		for (double weight : fit.weights()) {
			weights.append(weights.isEmpty() ? "" : ", ").append("%.3f".formatted(weight));
		}
		System.out.printf(
				"  weights {%s}, cuts high %.3f, medium %.3f (precision %.2f / %.2f plus %.2f on the"
						+ " fitted tops)%n",
				weights, fit.high(), fit.medium(), HIGH_PRECISION, MEDIUM_PRECISION, MARGIN);
		int[][] bins = new int[10][2];
		for (Query query : pooled) {
			double[] top = top(query, fit);
			int bin = Math.min(9, (int) (Suggestion.Evidence.chance(fit.weights(), top) * 10));
			bins[bin][0] += query.right().get(query.features().indexOf(top)) ? 1 : 0;
			bins[bin][1]++;
		}
		for (int bin = 0; bin < 10; bin++) {
			if (bins[bin][1] > 0) {
				System.out.printf("  fitted %.1f-%.1f: %3d of %3d tops right (%.2f)%n", bin / 10.0, (bin + 1) / 10.0,
						bins[bin][0], bins[bin][1], (double) bins[bin][0] / bins[bin][1]);
			}
		}
		for (Map.Entry<String, List<Query>> set : sets.entrySet()) {
			reliability(set.getKey() + ", pooled fit", set.getValue(), fit);
			List<Query> others = sets.entrySet()
				.stream()
				.filter(other -> !other.getKey().equals(set.getKey()))
				.flatMap(other -> other.getValue().stream())
				.toList();
			if (!others.isEmpty()) {
				reliability(set.getKey() + ", fitted on the other sets only", set.getValue(), fit(others));
			}
		}
	}

	/**
	 * The top suggestion under a fit's labels: triage orders by label, then by fused
	 * score.
	 */
	private static double[] top(Query query, Fit fit) {
		return query.features()
			.stream()
			.sorted(Comparator.comparing(fit::label).thenComparing(features -> -features[1]))
			.findFirst()
			.orElseThrow();
	}

	private static void reliability(String title, List<Query> queries, Fit fit) {
		Map<Confidence, int[]> byLabel = new EnumMap<>(Confidence.class);
		int uncovered = 0;
		int uncoveredWithoutHigh = 0;
		for (Query query : queries) {
			double[] top = top(query, fit);
			int[] counts = byLabel.computeIfAbsent(fit.label(top), label -> new int[2]);
			counts[0] += query.right().get(query.features().indexOf(top)) ? 1 : 0;
			counts[1]++;
			if (!query.covered()) {
				uncovered++;
				uncoveredWithoutHigh += query.features().stream().noneMatch(f -> fit.label(f) == Confidence.HIGH) ? 1
						: 0;
			}
		}
		StringBuilder line = new StringBuilder();
		for (Confidence label : Confidence.values()) {
			int[] counts = byLabel.getOrDefault(label, new int[2]);
			line.append("  %s %d/%d (%s)".formatted(label.label(), counts[0], counts[1],
					counts[1] == 0 ? "-" : "%.2f".formatted((double) counts[0] / counts[1])));
		}
		System.out.printf("  %s, top right per label:%s; no thread covers it: %d of %d without a high one%n", title,
				line, uncoveredWithoutHigh, uncovered);
	}

	/**
	 * Weights by logistic regression on the tops as triage ranks them, then the cuts on
	 * their fitted chance.
	 */
	private static Fit fit(List<Query> queries) {
		List<double[]> features = queries.stream().map(query -> query.features().getFirst()).toList();
		List<Boolean> right = queries.stream().map(query -> query.right().getFirst()).toList();
		double[] weights = new double[features.getFirst().length];
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			double[] gradient = new double[weights.length];
			for (int i = 0; i < features.size(); i++) {
				double error = Suggestion.Evidence.chance(weights, features.get(i)) - (right.get(i) ? 1 : 0);
				for (int j = 0; j < weights.length; j++) {
					gradient[j] += error * features.get(i)[j];
				}
			}
			for (int j = 0; j < weights.length; j++) {
				weights[j] -= LEARNING_RATE * (gradient[j] / features.size() + (j == 0 ? 0 : L2 * weights[j]));
			}
		}
		List<double[]> scored = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			scored.add(new double[] { Suggestion.Evidence.chance(weights, features.get(i)), right.get(i) ? 1 : 0 });
		}
		scored.sort((a, b) -> Double.compare(b[0], a[0]));
		double high = cut(scored, 1, HIGH_PRECISION + MARGIN);
		return new Fit(weights, high, cut(scored, high, MEDIUM_PRECISION + MARGIN));
	}

	/**
	 * The lowest cut below {@code above} such that the tops with a fitted chance between
	 * the two (scored: chance and rightness, by chance descending) are right at least
	 * this often.
	 */
	private static double cut(List<double[]> scored, double above, double precision) {
		double cut = above;
		int rightBetween = 0;
		int between = 0;
		for (int i = 0; i < scored.size(); i++) {
			if (scored.get(i)[0] >= above) {
				continue;
			}
			rightBetween += (int) scored.get(i)[1];
			between++;
			boolean lastOfTie = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
			if (lastOfTie && rightBetween >= precision * between) {
				cut = scored.get(i)[0];
			}
		}
		return cut;
	}

}
