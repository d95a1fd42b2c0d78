package forumkb.bench;

import forumkb.triage.Suggestion;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the chance that a suggestion is right to its evidence (logistic regression over
 * every ranked suggestion of every eval set measured), and prints the weights with how
 * the fitted chance compares with how often suggestions were right. The weights printed
 * are what {@code ConfidenceRule} uses; rerun this after a ranking change.
 */
final class Calibration {

    private static final int ITERATIONS = 20_000;
    private static final double LEARNING_RATE = 0.5;
    /** Keeps the weights small: a hundred queries are few. */
    private static final double L2 = 0.01;

    private final List<double[]> features = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();

    void add(List<Suggestion> ranked, List<Boolean> rightOnes) {
        for (int i = 0; i < ranked.size(); i++) {
            features.add(ranked.get(i).evidence().features());
            right.add(rightOnes.get(i));
        }
    }

    void print() {
        if (features.isEmpty()) {
            return;
        }
        double[] weights = fit();
        StringBuilder line = new StringBuilder();
        for (double weight : weights) {
            line.append(line.isEmpty() ? "" : ", ").append("%.3f".formatted(weight));
        }
        System.out.println();
        System.out.println("Calibration over " + features.size() + " ranked suggestions ("
                + String.join(", ", Suggestion.Evidence.FEATURES) + "): weights {" + line + "}");
        int[][] bins = new int[10][2];
        for (int i = 0; i < features.size(); i++) {
            int bin = Math.min(9, (int) (chance(weights, features.get(i)) * 10));
            bins[bin][0] += right.get(i) ? 1 : 0;
            bins[bin][1]++;
        }
        for (int bin = 0; bin < 10; bin++) {
            if (bins[bin][1] > 0) {
                System.out.printf("  fitted %.1f-%.1f: %3d of %4d right (%.2f)%n", bin / 10.0, (bin + 1) / 10.0,
                        bins[bin][0], bins[bin][1], (double) bins[bin][0] / bins[bin][1]);
            }
        }
        for (double precision : new double[] {0.9, 0.6}) {
            System.out.printf("  the lowest fitted chance above which at least %.0f %% were right: %.3f%n",
                    precision * 100, cut(weights, precision));
        }
    }

    /** The lowest cut on the fitted chance such that the suggestions at or above it were right this often. */
    private double cut(double[] weights, double precision) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            scored.add(new double[] {chance(weights, features.get(i)), right.get(i) ? 1 : 0});
        }
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        double cut = 1;
        int rightAbove = 0;
        for (int i = 0; i < scored.size(); i++) {
            rightAbove += (int) scored.get(i)[1];
            boolean lastOfTie = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
            if (lastOfTie && rightAbove >= precision * (i + 1)) {
                cut = scored.get(i)[0];
            }
        }
        return cut;
    }

    private double[] fit() {
        int width = features.getFirst().length;
        double[] weights = new double[width];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[width];
            for (int i = 0; i < features.size(); i++) {
                double error = chance(weights, features.get(i)) - (right.get(i) ? 1 : 0);
                for (int j = 0; j < width; j++) {
                    gradient[j] += error * features.get(i)[j];
                }
            }
            for (int j = 0; j < width; j++) {
                weights[j] -= LEARNING_RATE * (gradient[j] / features.size() + (j == 0 ? 0 : L2 * weights[j]));
            }
        }
        return weights;
    }

    private static double chance(double[] weights, double[] features) {
        return Suggestion.Evidence.chance(weights, features);
    }
}
