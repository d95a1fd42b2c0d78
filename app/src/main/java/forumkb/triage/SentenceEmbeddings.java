package forumkb.triage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 (384 dimensions, L2-normalised,
 * so a dot product is the cosine). The model is loaded on first use, not at startup: the
 * command-line tools and most tests never need it, and loading costs about a second and
 * ~100 MB of native memory. ONNX Runtime sessions are safe to share between threads.
 */
@Component
public class SentenceEmbeddings {

	public static final int DIMENSIONS = 384;

	/**
	 * MiniLM was trained on at most 256 word pieces and the rest of a longer text only
	 * blurs the vector; 1,000 characters of forum prose is about that many pieces.
	 */
	public static final int MAX_CHARS = 1000;

	private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);

	private final boolean enabled;

	private volatile EmbeddingModel model;

	/** Texts the model has embedded since start: what the stored vectors save. */
	private final LongAdder embedded = new LongAdder();

	public SentenceEmbeddings(@Value("${forumkb.triage.embeddings.enabled:true}") boolean enabled) {
		this.enabled = enabled;
	}

	public boolean enabled() {
		return enabled;
	}

	public float[] embed(String text) {
		float[] vector = model().embed(truncate(text)).content().vector();
		embedded.increment();
		return vector;
	}

	/** Embeds texts in parallel, one thread per core (langchain4j's own pool). */
	public List<float[]> embedAll(List<String> texts) {
		List<TextSegment> segments = texts.stream().map(text -> TextSegment.from(truncate(text))).toList();
		List<float[]> vectors = model().embedAll(segments).content().stream().map(Embedding::vector).toList();
		embedded.add(vectors.size());
		return vectors;
	}

	/** How many texts the model has embedded since start. */
	public long textsEmbedded() {
		return embedded.sum();
	}

	public static float cosine(float[] a, float[] b) {
		float dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	/**
	 * Cuts at the last whitespace before {@link #MAX_CHARS}, so no word is split into odd
	 * pieces.
	 */
	static String truncate(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			// The model refuses blank text; one neutral token gives a vector far from
			// every thread.
			return ".";
		}
		if (trimmed.length() <= MAX_CHARS) {
			return trimmed;
		}
		int cut = trimmed.lastIndexOf(' ', MAX_CHARS);
		return trimmed.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
	}

	private EmbeddingModel model() {
		if (!enabled) {
			throw new IllegalStateException("sentence embeddings are turned off (forumkb.triage.embeddings.enabled)");
		}
		EmbeddingModel loaded = model;
		if (loaded == null) {
			synchronized (this) {
				loaded = model;
				if (loaded == null) {
					long start = System.nanoTime();
					loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
					loaded.embed("warm up");
					log.info("loaded all-MiniLM-L6-v2 (quantised) in {} ms", (System.nanoTime() - start) / 1_000_000);
					model = loaded;
				}
			}
		}
		return loaded;
	}

}
