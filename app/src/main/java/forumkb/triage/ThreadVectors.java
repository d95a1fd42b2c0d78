package forumkb.triage;

import forumkb.index.ChangePosition;
import forumkb.index.DerivedIndex;
import forumkb.index.FeedFollower;
import forumkb.index.IndexFeed;
import forumkb.index.IndexedThread;
import forumkb.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sentence vectors of every thread, one per text that carries its symptom (the title with
 * the question, and with the accepted answer), in a Lucene index of
 * {@link KnnFloatVectorField}s beside the search index. Embedding costs tens of
 * milliseconds a text, far slower than indexing words, so this index follows the change
 * feed ({@link IndexFeed}) on its own and at its own pace, with the same lifecycle as the
 * search index ({@link DerivedIndex}): search and ingest never wait for it, triage fuses
 * in whatever it holds, and its backlog yields to searches in progress.
 *
 * <p>
 * The vectors are kept in PostgreSQL too ({@link StoredVectors}): a restart, a rebuild of
 * this index (a new layout) or a second node loads them, and the model runs only for a
 * thread whose texts changed, or when the model or the texts chosen changed
 * ({@link #LAYOUT}).
 */
@Component
public class ThreadVectors implements SmartLifecycle, FeedFollower {

	static final String THREAD = "thread";

	static final String VECTOR = "vector";

	/**
	 * The model and the texts embedded: a change here rebuilds this index and embeds
	 * every thread again.
	 */
	static final String LAYOUT = "all-MiniLM-L6-v2-q; title + question (3 pieces), title + answer; 1000 chars";

	/**
	 * Pieces of the question embedded: a long report's error often comes after its
	 * template's first thousand characters.
	 */
	private static final int QUESTION_PIECES = 3;

	/** Texts per thread: the question's pieces and the answer's first one. */
	private static final int MAX_TEXTS = QUESTION_PIECES + 1;

	private static final int PAGE = 64;

	/**
	 * A pass of the background catch-up ends after this long, so that what it did becomes
	 * searchable.
	 */
	private static final long PASS_NANOS = TimeUnit.SECONDS.toNanos(10);

	/**
	 * The backlog waits for searches in progress before each text, but this long at most,
	 * so that constant load slows it down without stopping it.
	 */
	private static final Duration YIELD_AT_MOST = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(ThreadVectors.class);

	private final SentenceEmbeddings embeddings;

	private final IndexFeed feed;

	private final SearchIndex index;

	private final StoredVectors stored;

	private final DerivedIndex derived;

	private final boolean enabled;

	private final boolean commandLine;

	private final Object writeLock = new Object();

	private volatile DerivedIndex.Generation live;

	private volatile boolean stopping;

	private final AtomicLong embeddedThreads = new AtomicLong();

	private final AtomicLong loadedThreads = new AtomicLong();

	private volatile double threadsPerSecond;

	ThreadVectors(SentenceEmbeddings embeddings, IndexFeed feed, SearchIndex index, StoredVectors stored,
			@Value("${forumkb.index.dir}") String directory,
			@Value("${forumkb.triage.vectors.enabled:true}") boolean enabled, Environment environment) {
		this.embeddings = embeddings;
		this.feed = feed;
		this.index = index;
		this.stored = stored;
		this.derived = new DerivedIndex("Thread vectors", Path.of(directory).toAbsolutePath().resolve("vectors"),
				LAYOUT, feed, () -> new IndexWriterConfig().setRAMBufferSizeMB(32));
		this.enabled = enabled && embeddings.enabled();
		// A command-line run never opens it: the server may hold it.
		this.commandLine = environment.matchesProfiles("cli");
	}

	/** A thread and how close its best text is to the query (cosine). */
	public record Near(long threadId, float cosine) {
	}

	public boolean enabled() {
		return enabled;
	}

	@Override
	public void start() {
		if (enabled && !commandLine) {
			open();
		}
	}

	/** Opens the vector index of this database; the server does it on start. */
	private void open() {
		try {
			stopping = false;
			live = derived.openCurrent();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the thread vectors", e);
		}
	}

	@Override
	public void stop() {
		stopping = true;
		synchronized (writeLock) {
			if (live != null) {
				try {
					derived.commit(live);
					live.closeCommitted();
				}
				catch (IOException e) {
					log.warn("Closing the thread vectors failed", e);
				}
				live = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return live != null;
	}

	/** Works through the backlog for a while at a time, then makes it searchable. */
	@Scheduled(fixedDelayString = "${forumkb.triage.vectors.refresh-interval:PT1S}")
	public void catchUpSome() {
		apply(Integer.MAX_VALUE, PASS_NANOS);
	}

	/** Embeds everything not yet embedded (benchmarks wait for this). */
	public void catchUp() {
		catchUp(Integer.MAX_VALUE);
	}

	/**
	 * Embeds up to about {@code threads} more threads, in change order; returns how many
	 * it did.
	 */
	public int catchUp(int threads) {
		int done = 0;
		int pass;
		while (done < threads && (pass = apply(threads - done, PASS_NANOS)) > 0) {
			done += pass;
		}
		return done;
	}

	@Override
	public String name() {
		return "vectors";
	}

	@Override
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		DerivedIndex.Generation current = live;
		status.put("enabled", enabled);
		if (current == null) {
			return status;
		}
		ChangePosition searchable = current.searchable();
		long backlog = feed.countChangedAfter(searchable);
		status.put("layout", LAYOUT);
		status.put("generation", current.folder().getFileName().toString());
		status.put("appliedChange", searchable.seq());
		status.put("caughtUp", backlog == 0);
		status.put("backlogThreads", backlog);
		status.put("vectors", current.read(searcher -> searcher.getIndexReader().numDocs()));
		status.put("embeddedThreads", embeddedThreads.get());
		status.put("loadedThreads", loadedThreads.get());
		status.put("threadsPerSecond", Math.round(threadsPerSecond * 10) / 10.0);
		return status;
	}

	/**
	 * Applies pages of changed threads for up to {@code nanos}, then commits and
	 * refreshes; returns how many threads it applied.
	 */
	private int apply(int most, long nanos) {
		synchronized (writeLock) {
			DerivedIndex.Generation target = live;
			if (target == null) {
				return 0;
			}
			long started = System.nanoTime();
			int done = 0;
			try {
				List<IndexedThread> page;
				while (!stopping && done < most && System.nanoTime() - started < nanos
						&& !(page = feed.changedAfter(target.applied(), Math.min(PAGE, most - done))).isEmpty()) {
					if (!write(target, page)) {
						break;
					}
					done += page.size();
				}
				if (done > 0) {
					derived.commit(target);
					target.refresh();
					threadsPerSecond = done / ((System.nanoTime() - started) / 1e9);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (IOException | RuntimeException e) {
				log.error("Embedding threads failed; will retry", e);
			}
			return done;
		}
	}

	/**
	 * Writes a page's vectors: those PostgreSQL holds for the same texts, the others
	 * embedded now, a text at a time, and stored. False when stopped meanwhile.
	 */
	private boolean write(DerivedIndex.Generation target, List<IndexedThread> page)
			throws IOException, InterruptedException {
		Map<Long, List<String>> texts = new LinkedHashMap<>();
		Map<Long, byte[]> keys = new HashMap<>();
		for (IndexedThread thread : page) {
			texts.put(thread.id(), texts(thread));
			keys.put(thread.id(), StoredVectors.key(LAYOUT, texts.get(thread.id())));
		}
		Map<Long, List<float[]>> vectors = stored.load(keys);
		loadedThreads.addAndGet(vectors.size());
		List<Long> missing = texts.keySet().stream().filter(id -> !vectors.containsKey(id)).toList();
		List<float[]> computed = embed(missing.stream().flatMap(id -> texts.get(id).stream()).toList());
		if (computed == null) {
			return false;
		}
		List<StoredVectors.Entry> entries = new ArrayList<>();
		int next = 0;
		for (long id : missing) {
			List<float[]> own = computed.subList(next, next + texts.get(id).size());
			next += own.size();
			vectors.put(id, own);
			entries.add(new StoredVectors.Entry(id, keys.get(id), own));
		}
		stored.save(LAYOUT, entries);
		embeddedThreads.addAndGet(missing.size());
		for (Map.Entry<Long, List<float[]>> thread : vectors.entrySet()) {
			target.writer().deleteDocuments(new Term(THREAD, Long.toString(thread.getKey())));
			for (float[] vector : thread.getValue()) {
				Document doc = new Document();
				doc.add(new StringField(THREAD, Long.toString(thread.getKey()), Field.Store.NO));
				doc.add(new StoredField(THREAD, thread.getKey()));
				doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
				target.writer().addDocument(doc);
			}
		}
		target.applied(page.getLast().change());
		return true;
	}

	/**
	 * Embeds the texts one model run each (a run uses every core for ~10 ms), each after
	 * the searches in progress; null when stopped meanwhile.
	 */
	private List<float[]> embed(List<String> texts) throws InterruptedException {
		List<float[]> vectors = new ArrayList<>(texts.size());
		for (String text : texts) {
			if (stopping) {
				return null;
			}
			index.awaitNoSearches(YIELD_AT_MOST);
			vectors.add(embeddings.embed(text));
		}
		return vectors;
	}

	/**
	 * What carries a thread's symptom: the title with the question, and with the start of
	 * the answer: the accepted one, else the first replies, where a maintainer's answer
	 * to a tracker's issue names the bug in its own words (eval-real-dev R@5 0.78 without
	 * them, 0.82 with). Later replies add cost more than recall.
	 */
	public static List<String> texts(IndexedThread thread) {
		String title = thread.title() == null ? "" : thread.title();
		int room = Math.max(SentenceEmbeddings.MAX_CHARS - title.length() - 1, SentenceEmbeddings.MAX_CHARS / 2);
		List<String> texts = new ArrayList<>();
		pieces(thread.question(), room, QUESTION_PIECES).forEach(piece -> texts.add(title + "\n" + piece));
		String answer = thread.answered() ? thread.acceptedAnswer() : thread.otherPosts();
		pieces(answer, room, 1).forEach(piece -> texts.add(title + "\n" + piece));
		return texts.isEmpty() ? List.of(title) : texts;
	}

	/**
	 * A text cut at spaces into pieces of at most {@code size} characters, the first
	 * {@code max} of them.
	 */
	public static List<String> pieces(String text, int size, int max) {
		List<String> pieces = new ArrayList<>();
		String rest = text == null ? "" : text.strip();
		while (rest.length() > size && pieces.size() < max) {
			int cut = rest.lastIndexOf(' ', size);
			cut = cut > size / 2 ? cut : size;
			pieces.add(rest.substring(0, cut));
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty() && pieces.size() < max) {
			pieces.add(rest);
		}
		return pieces;
	}

	/** The threads nearest the query vector, each by its best text, best first. */
	public List<Near> nearest(float[] query, int threads) {
		DerivedIndex.Generation current = live;
		if (current == null) {
			return List.of();
		}
		return current.read(searcher -> {
			try {
				ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(VECTOR, query, threads * MAX_TEXTS),
						threads * MAX_TEXTS).scoreDocs;
				Map<Long, Near> best = new LinkedHashMap<>();
				for (ScoreDoc hit : hits) {
					long thread = searcher.storedFields()
						.document(hit.doc, Set.of(THREAD))
						.getField(THREAD)
						.numericValue()
						.longValue();
					// DOT_PRODUCT scores are (1 + cosine) / 2.
					best.putIfAbsent(thread, new Near(thread, 2 * hit.score - 1));
				}
				return best.values().stream().limit(threads).toList();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

}
