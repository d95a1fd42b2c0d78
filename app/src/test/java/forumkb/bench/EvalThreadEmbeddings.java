package forumkb.bench;

import forumkb.triage.SentenceEmbeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every eval thread's embedding(s) for one way of writing a thread as text. A thread with
 * several texts (one per post chunk) scores the best cosine of its chunks.
 */
final class EvalThreadEmbeddings {

	private final List<String> externalIds;

	private final List<List<float[]>> vectors;

	private EvalThreadEmbeddings(List<String> externalIds, List<List<float[]>> vectors) {
		this.externalIds = externalIds;
		this.vectors = vectors;
	}

	/** {@code texts.get(i)} are the texts of the thread {@code externalIds.get(i)}. */
	static EvalThreadEmbeddings embed(SentenceEmbeddings embeddings, List<String> externalIds,
			List<List<String>> texts) {
		List<String> flat = texts.stream().flatMap(List::stream).toList();
		List<float[]> all = embeddings.embedAll(flat);
		List<List<float[]>> vectors = new ArrayList<>();
		int next = 0;
		for (List<String> threadTexts : texts) {
			vectors.add(all.subList(next, next + threadTexts.size()));
			next += threadTexts.size();
		}
		return new EvalThreadEmbeddings(externalIds, vectors);
	}

	/** All threads, best cosine first. */
	List<EvalSearch.Scored> rank(float[] query) {
		List<EvalSearch.Scored> ranked = new ArrayList<>();
		for (int i = 0; i < externalIds.size(); i++) {
			float best = -1;
			for (float[] vector : vectors.get(i)) {
				best = Math.max(best, SentenceEmbeddings.cosine(query, vector));
			}
			ranked.add(new EvalSearch.Scored(externalIds.get(i), best));
		}
		ranked.sort(Comparator.comparingDouble(EvalSearch.Scored::score).reversed());
		return ranked;
	}

}
