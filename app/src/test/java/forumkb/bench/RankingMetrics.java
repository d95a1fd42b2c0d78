package forumkb.bench;

import java.util.List;

/**
 * Recall@k (the share of queries with an expected thread in the top k) and MRR (the mean
 * of 1 / rank of the first expected thread), over queries that have expectations.
 */
final class RankingMetrics {

	private int queries;

	private int at1;

	private int at5;

	private int at10;

	private double reciprocalRanks;

	void add(List<String> ranked, List<String> expected) {
		queries++;
		for (int rank = 1; rank <= ranked.size(); rank++) {
			if (expected.contains(ranked.get(rank - 1))) {
				reciprocalRanks += 1.0 / rank;
				at1 += rank <= 1 ? 1 : 0;
				at5 += rank <= 5 ? 1 : 0;
				at10 += rank <= 10 ? 1 : 0;
				return;
			}
		}
	}

	void addAll(RankingMetrics other) {
		queries += other.queries;
		at1 += other.at1;
		at5 += other.at5;
		at10 += other.at10;
		reciprocalRanks += other.reciprocalRanks;
	}

	int queries() {
		return queries;
	}

	double recallAt(int k) {
		int hits = switch (k) {
			case 1 -> at1;
			case 5 -> at5;
			case 10 -> at10;
			default -> throw new IllegalArgumentException("k is 1, 5 or 10");
		};
		return queries == 0 ? 0 : (double) hits / queries;
	}

	double mrr() {
		return queries == 0 ? 0 : reciprocalRanks / queries;
	}

}
