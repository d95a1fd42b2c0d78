package forumkb.triage;

import java.util.List;

/**
 * Maps one ranking's scores to [0, 1] between its best and its {@code depth}-th
 * candidate, so BM25 (whose scale varies per query) and cosines (in a narrow band) can be
 * added.
 */
record Scale(float best, float floor) {

	static Scale of(List<Float> scores, int depth) {
		if (scores.isEmpty()) {
			return new Scale(1, 0);
		}
		List<Float> sorted = scores.stream().sorted((a, b) -> Float.compare(b, a)).toList();
		return new Scale(sorted.getFirst(), sorted.get(Math.min(depth, sorted.size()) - 1));
	}

	float of(float score) {
		return Math.clamp(unclamped(score), 0f, 1f);
	}

	/**
	 * Above 1 for a score beyond the best thread's, as a known issue's signature can be.
	 */
	float unclamped(float score) {
		float spread = Math.max(best - floor, 1e-6f);
		return Math.max(0f, (score - floor) / spread);
	}
}
