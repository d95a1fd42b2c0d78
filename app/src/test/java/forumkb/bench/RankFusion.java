package forumkb.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two rankings of the same threads merged into one: by reciprocal rank, or by a weighted
 * sum of scores.
 */
final class RankFusion {

	/**
	 * The usual constant: rank 1 and rank 10 stay close (1/61 against 1/70), so one
	 * ranking's top pick does not outvote both rankings agreeing on another thread.
	 */
	static final int K = 60;

	private RankFusion() {
	}

	/** Weighted RRF: each ranking adds weight / (K + rank) for every thread it lists. */
	static List<String> reciprocalRank(List<EvalSearch.Scored> search, List<EvalSearch.Scored> embedding,
			double embeddingWeight) {
		return fuse(search, embedding, embeddingWeight, RankFusion::addReciprocalRanks);
	}

	/**
	 * Each ranking's scores scaled to [0, 1] between its last and its best, so BM25's
	 * scale (which varies per query) and the cosines' narrow band weigh alike; a thread
	 * that a ranking does not list gets 0 from it.
	 */
	static List<String> weightedScores(List<EvalSearch.Scored> search, List<EvalSearch.Scored> embedding,
			double embeddingWeight) {
		return fuse(search, embedding, embeddingWeight, RankFusion::addNormalisedScores);
	}

	/** What one ranking adds, with its weight, to each thread's fused score. */
	private interface Contribution {

		void add(Map<String, Double> fused, List<EvalSearch.Scored> ranking, double weight);

	}

	private static List<String> fuse(List<EvalSearch.Scored> search, List<EvalSearch.Scored> embedding,
			double embeddingWeight, Contribution contribution) {
		Map<String, Double> fused = new HashMap<>();
		contribution.add(fused, search, 1 - embeddingWeight);
		contribution.add(fused, embedding, embeddingWeight);
		return fused.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static void addReciprocalRanks(Map<String, Double> fused, List<EvalSearch.Scored> ranking, double weight) {
		for (int rank = 1; rank <= ranking.size(); rank++) {
			fused.merge(ranking.get(rank - 1).externalId(), weight / (K + rank), Double::sum);
		}
	}

	private static void addNormalisedScores(Map<String, Double> fused, List<EvalSearch.Scored> ranking, double weight) {
		if (ranking.isEmpty()) {
			return;
		}
		double best = ranking.getFirst().score();
		double spread = Math.max(best - ranking.getLast().score(), 1e-9);
		for (EvalSearch.Scored scored : ranking) {
			fused.merge(scored.externalId(), weight * (1 - (best - scored.score()) / spread), Double::sum);
		}
	}

}
