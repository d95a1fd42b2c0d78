package forumkb.triage;

import forumkb.index.ChangePosition;
import forumkb.index.IndexFeed;
import forumkb.index.IndexedThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sentence vectors of every thread, one per chunk (the title with a piece of one post),
 * in their own Lucene index of {@link KnnFloatVectorField}s beside the search index.
 * Embedding costs ~40 ms a chunk on one core, far slower than indexing text, so this
 * index follows the change feed ({@link IndexFeed}) on its own and at its own pace:
 * search and ingest never wait for it, and triage fuses in whatever it holds.
 */
@Component
public class ThreadVectors implements SmartLifecycle {

	static final String THREAD = "thread";
	static final String VECTOR = "vector";

	private static final String APPLIED = "applied";

	/**
	 * Chunks per thread: the question, the accepted answer and the first replies carry
	 * the symptom.
	 */
	private static final int MAX_CHUNKS = 4;

	private static final int PAGE = 32;

	private static final Logger log = LoggerFactory.getLogger(ThreadVectors.class);

	private final SentenceEmbeddings embeddings;

	private final IndexFeed feed;

	private final Path root;

	private final boolean enabled;

	private final boolean commandLine;

	private final Object writeLock = new Object();

	private volatile IndexWriter writer;

	private volatile SearcherManager searchers;

	private volatile ChangePosition applied = ChangePosition.START;

	ThreadVectors(SentenceEmbeddings embeddings, IndexFeed feed, @Value("${forumkb.index.dir}") String directory,
			@Value("${forumkb.triage.vectors.enabled:true}") boolean enabled, Environment environment) {
		this.embeddings = embeddings;
		this.feed = feed;
		this.root = Path.of(directory).toAbsolutePath();
		this.enabled = enabled && embeddings.enabled();
		// A command-line run never opens it: the server may hold it.
		this.commandLine = environment.matchesProfiles("cli");
	}

	/** A thread and how close its best chunk is to the query (cosine). */
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
			Path folder = root.resolve("vectors-" + feed.databaseIdentity());
			IndexWriter opened = new IndexWriter(FSDirectory.open(folder),
					new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
						.setRAMBufferSizeMB(32));
			Map<String, String> data = new HashMap<>();
			if (opened.getLiveCommitData() != null) {
				opened.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
			}
			applied = ChangePosition.parse(data.getOrDefault(APPLIED, ChangePosition.START.toString()));
			searchers = new SearcherManager(opened, null);
			writer = opened;
			log.info("Thread vectors open at {}, after change {}", folder, applied);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the thread vectors", e);
		}
	}

	@Override
	public void stop() {
		synchronized (writeLock) {
			if (writer != null) {
				try {
					searchers.close();
					writer.close();
				}
				catch (IOException e) {
					log.warn("Closing the thread vectors failed", e);
				}
				writer = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}

	/** Embeds a page of changed threads at a time; one page takes a second or two. */
	@Scheduled(fixedDelayString = "${forumkb.triage.vectors.refresh-interval:PT2S}")
	public void catchUpSome() {
		if (writer != null) {
			applyPages(1);
		}
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
		while (writer != null && done < threads && (pass = applyPages(Math.ceilDiv(threads - done, PAGE))) > 0) {
			done += pass;
		}
		return done;
	}

	/** How many threads and chunks it holds. */
	public String status() {
		SearcherManager current = searchers;
		if (current == null) {
			return "off";
		}
		return withSearcher(searcher -> searcher.getIndexReader().numDocs() + " chunks, after change " + applied);
	}

	private int applyPages(int pages) {
		int done = 0;
		synchronized (writeLock) {
			try {
				List<IndexedThread> page;
				for (int i = 0; i < pages && writer != null
						&& !(page = feed.changedAfter(applied, PAGE)).isEmpty(); i++) {
					apply(page);
					done += page.size();
				}
			}
			catch (IOException | RuntimeException e) {
				log.error("Embedding threads failed; will retry", e);
			}
		}
		return done;
	}

	private void apply(List<IndexedThread> page) throws IOException {
		List<String> texts = new ArrayList<>();
		List<Long> owners = new ArrayList<>();
		for (IndexedThread thread : page) {
			for (String chunk : chunks(thread)) {
				texts.add(chunk);
				owners.add(thread.id());
			}
		}
		List<float[]> vectors = embeddings.embedAll(texts);
		for (IndexedThread thread : page) {
			writer.deleteDocuments(new Term(THREAD, Long.toString(thread.id())));
		}
		for (int i = 0; i < vectors.size(); i++) {
			Document doc = new Document();
			doc.add(new StringField(THREAD, Long.toString(owners.get(i)), Field.Store.NO));
			doc.add(new StoredField(THREAD, owners.get(i)));
			doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
			writer.addDocument(doc);
		}
		applied = page.getLast().change();
		writer.setLiveCommitData(Map.of(APPLIED, applied.toString()).entrySet());
		writer.commit();
		searchers.maybeRefresh();
	}

	/**
	 * The title with each piece of the question, the accepted answer and other posts, a
	 * few at most.
	 */
	static List<String> chunks(IndexedThread thread) {
		String title = thread.title() == null ? "" : thread.title();
		int room = Math.max(SentenceEmbeddings.MAX_CHARS - title.length() - 1, SentenceEmbeddings.MAX_CHARS / 2);
		List<String> chunks = new ArrayList<>();
		for (String text : new String[] { thread.question(), thread.acceptedAnswer(), thread.otherPosts() }) {
			for (String piece : pieces(text, room, MAX_CHUNKS)) {
				if (chunks.size() < MAX_CHUNKS) {
					chunks.add(title + "\n" + piece);
				}
			}
		}
		return chunks.isEmpty() ? List.of(title) : chunks;
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

	/** The threads nearest the query vector, each by its best chunk, best first. */
	public List<Near> nearest(float[] query, int threads) {
		if (searchers == null) {
			return List.of();
		}
		return withSearcher(searcher -> {
			try {
				ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(VECTOR, query, threads * MAX_CHUNKS),
						threads * MAX_CHUNKS).scoreDocs;
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

	private <T> T withSearcher(Function<IndexSearcher, T> read) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return read.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
