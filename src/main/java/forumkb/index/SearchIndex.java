package forumkb.index;

import forumkb.system.BadRequestException;
import forumkb.extract.ErrorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
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
 * The Lucene index, derived from PostgreSQL. It tails the change feed ({@link IndexFeed},
 * every half second) and records the last change it applied in each commit, so it catches
 * up by itself after a crash or restart. A full rebuild writes a new generation beside
 * the live one and swaps it in; search keeps answering from the old one meanwhile.
 *
 * <p>
 * In a command-line run (profile {@code cli}) it never opens the live index (the server
 * may hold it); a command-line rebuild only writes a generation and names it current, and
 * the running server switches to it on its next tick.
 */
@Component
public class SearchIndex implements SmartLifecycle {

	/**
	 * Why a search Lucene would not run (past its 1,024-clause limit) is refused, as the
	 * user reads it.
	 */
	public static final String TOO_MANY_TERMS = "the query has more words, phrases and filters than a search can take: shorten it";

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private static final String APPLIED = "forumkb.applied-change";

	private static final String DATABASE = "forumkb.database";

	private static final String LAYOUT = "forumkb.layout";

	private static final int PAGE = 500;

	private static final int COMMIT_EVERY = 20_000;

	private static final long REFRESH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final IndexFeed feed;

	private final IndexErrors errors;

	private final ThreadDocuments documents;

	private final FacetsConfig facets = ThreadDocuments.facetsConfig();

	private final IndexGenerations generations;

	private final boolean commandLine;

	/**
	 * Threads a bulk catch-up brings before the index merges to one segment; see
	 * {@link BulkMerge}.
	 */
	private final int mergeAfter;

	private final Object writeLock = new Object();

	private volatile Live live;

	private volatile FacetState facetState;

	private volatile String rebuildStatus = "idle";

	/** Read once: commits (also the last one, at shutdown) must not need the database. */
	private volatile String database;

	SearchIndex(IndexFeed feed, IndexErrors errors, @Value("${forumkb.index.dir}") String directory,
			Environment environment, @Value("${forumkb.index.merge-after:10000}") int mergeAfter) {
		this.mergeAfter = mergeAfter;
		this.feed = feed;
		this.errors = errors;
		this.documents = new ThreadDocuments(facets, ErrorCatalog.load());
		this.generations = new IndexGenerations(Path.of(directory).toAbsolutePath());
		this.commandLine = environment.matchesProfiles("cli");
	}

	/**
	 * One open generation: its writer, its searchers, the last change it holds and the
	 * last one its searchers see.
	 */
	private static final class Live {

		final Path generation;

		final IndexWriter writer;

		final SearcherManager searchers;

		final BulkMerge merge;

		ChangePosition applied;

		volatile ChangePosition searchable;

		int uncommitted;

		Live(Path generation, IndexWriter writer, ChangePosition applied, int mergeAfter) throws IOException {
			this.generation = generation;
			this.writer = writer;
			this.searchers = new SearcherManager(writer, null);
			this.merge = new BulkMerge(writer, mergeAfter);
			this.applied = applied;
			this.searchable = applied;
		}

		/** Opens searchers on everything applied so far. */
		void refresh() throws IOException {
			ChangePosition reached = applied;
			searchers.maybeRefreshBlocking();
			searchable = reached;
		}

		void close() throws IOException {
			searchers.close();
			writer.close();
		}

	}

	private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
	}

	// --- lifecycle

	@Override
	public void start() {
		if (!commandLine) {
			openLive();
		}
	}

	/** Opens the live index, which the scheduled catch-up then keeps current. */
	private void openLive() {
		try {
			live = openCurrent();
			generations.removeStale();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the search index", e);
		}
	}

	@Override
	public void stop() {
		synchronized (writeLock) {
			if (live != null) {
				try {
					commit(live);
					// Everything is committed: rolling back loses nothing and, unlike
					// close,
					// does not wait for a background merge to finish.
					live.searchers.close();
					live.writer.rollback();
				}
				catch (IOException e) {
					log.warn("Closing the search index failed", e);
				}
				live = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return live != null;
	}

	/**
	 * Opens the generation CURRENT names, unless it was built from another database or
	 * with other fields, or is ahead of the database.
	 */
	private Live openCurrent() throws IOException {
		Path generation = generations.current();
		database = feed.databaseIdentity();
		if (generation != null) {
			Live opened = open(generation, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			Map<String, String> data = opened.writer.getLiveCommitData() == null ? Map.of()
					: toMap(opened.writer.getLiveCommitData());
			if (database.equals(data.get(DATABASE)) && ThreadDocuments.LAYOUT.equals(data.get(LAYOUT))
					&& !opened.applied.isAfter(feed.lastChange())) {
				log.info("Search index {} resumes after change {}", generation.getFileName(), opened.applied);
				return opened;
			}
			log.info("Search index {} belongs to another database or an older layout; building a new one",
					generation.getFileName());
			opened.close();
		}
		Path fresh = generations.create();
		Live created = open(fresh, IndexWriterConfig.OpenMode.CREATE);
		commit(created);
		generations.makeCurrent(fresh);
		return created;
	}

	private Live open(Path generation, IndexWriterConfig.OpenMode mode) throws IOException {
		IndexWriterConfig config = new IndexWriterConfig(FieldAnalyzers.indexAnalyzer())
			.setCodec(new ThreadIndexCodec())
			.setOpenMode(mode)
			.setRAMBufferSizeMB(64);
		IndexWriter writer = new IndexWriter(FSDirectory.open(generation), config);
		ChangePosition applied = ChangePosition.START;
		if (writer.getLiveCommitData() != null) {
			String value = toMap(writer.getLiveCommitData()).get(APPLIED);
			applied = value == null ? ChangePosition.START : ChangePosition.parse(value);
		}
		return new Live(generation, writer, applied, mergeAfter);
	}

	// --- keeping current

	/**
	 * Applies every change PostgreSQL has that the index has not; runs twice a second.
	 */
	@Scheduled(fixedDelayString = "${forumkb.index.refresh-interval:PT0.5S}")
	public void catchUp() {
		synchronized (writeLock) {
			// Checked under the lock: stop() closes the index under it while a run may be
			// due.
			if (live == null) {
				return;
			}
			try {
				switchIfRebuiltElsewhere();
				if (!applyChanges(live)) {
					Live target = live;
					target.merge.startIfDue(() -> committedAfterMerge(target));
				}
			}
			catch (IOException | UncheckedIOException e) {
				log.error("Search index catch-up failed; will retry", e);
			}
		}
	}

	/**
	 * Applies the changes a page at a time. The searcher is refreshed at most once a
	 * second while a backlog drains, and once at the end: every refresh flushes a small
	 * segment that later merges rewrite, which slowed a long catch-up more than anything
	 * but analysis. Analysis, the rest of the cost, runs on as many cores as the common
	 * pool has: a page holds each thread once, so its updates commute, and a page that
	 * failed is applied again whole. A thread the index refuses is recorded and skipped:
	 * nothing after it waits for it. Returns whether there was anything to apply.
	 */
	private boolean applyChanges(Live target) throws IOException {
		boolean changed = false;
		long refreshed = System.nanoTime();
		List<IndexedThread> page;
		while (!(page = feed.changedAfter(target.applied, PAGE)).isEmpty()) {
			errors.record(page.parallelStream().flatMap(thread -> update(target.writer, thread).stream()).toList());
			target.applied = page.getLast().change();
			target.uncommitted += page.size();
			target.merge.applied(page.size());
			changed = true;
			if (target.uncommitted >= COMMIT_EVERY) {
				commit(target);
			}
			if (System.nanoTime() - refreshed >= REFRESH_EVERY_NANOS) {
				target.refresh();
				refreshed = System.nanoTime();
			}
		}
		if (changed) {
			commit(target);
			target.refresh();
		}
		return changed;
	}

	/**
	 * A background merge ended: its segment becomes searchable, unless the generation was
	 * replaced meanwhile.
	 */
	private void committedAfterMerge(Live target) throws IOException {
		synchronized (writeLock) {
			if (live == target) {
				commit(target);
				target.refresh();
			}
		}
	}

	/** Whether a merge after a bulk catch-up runs or is about to start. */
	public boolean merging() {
		Live current = live;
		return current != null && current.merge.pending();
	}

	/**
	 * Indexes one thread, or says why the index refused it. Whatever the index cannot
	 * take from this one thread is a refusal (a document Lucene rejects is dropped whole
	 * and the thread's previous version, if any, stays); a failing or closed writer is
	 * not, and the page is tried again.
	 */
	private Optional<IndexErrors.Refusal> update(IndexWriter writer, IndexedThread thread) {
		try {
			writer.updateDocument(new Term(IndexFields.ID, Long.toString(thread.id())), documents.document(thread));
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException refused) {
			if (!writer.isOpen() || writer.getTragicException() != null) {
				throw refused;
			}
			log.warn("Thread {} (change {}) cannot be indexed and is skipped: {}", thread.id(), thread.change(),
					refused.getMessage());
			return Optional
				.of(new IndexErrors.Refusal(thread.id(), thread.change().seq(), String.valueOf(refused.getMessage())));
		}
	}

	private void commit(Live target) throws IOException {
		if (database == null) {
			database = feed.databaseIdentity();
		}
		target.writer.setLiveCommitData(
				Map.of(APPLIED, target.applied.toString(), DATABASE, database, LAYOUT, ThreadDocuments.LAYOUT)
					.entrySet());
		target.writer.commit();
		target.uncommitted = 0;
	}

	/** A command-line rebuild named another generation current: move to it. */
	private void switchIfRebuiltElsewhere() throws IOException {
		Path current = generations.current();
		if (current != null && !current.equals(live.generation)) {
			Live old = live;
			old.close();
			live = open(current, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			generations.removeStale();
			log.info("Search index switched to {}", current.getFileName());
		}
	}

	// --- rebuilding

	/** Starts a rebuild beside the live index; returns at once. */
	public String startRebuild() {
		synchronized (this) {
			if (rebuildStatus.startsWith("running")) {
				return rebuildStatus;
			}
			rebuildStatus = "running since " + Instant.now();
		}
		Thread.ofVirtual().name("index-rebuild").start(() -> {
			try {
				rebuild();
				rebuildStatus = "idle; last rebuild finished " + Instant.now();
			}
			catch (IOException | RuntimeException e) {
				log.error("Rebuild failed", e);
				rebuildStatus = "idle; last rebuild failed: " + e.getMessage();
			}
		});
		return rebuildStatus;
	}

	public String rebuildStatus() {
		return rebuildStatus;
	}

	/** Builds a whole new generation from PostgreSQL and makes it the live one. */
	public int rebuild() throws IOException {
		Path generation = generations.create();
		Live fresh = open(generation, IndexWriterConfig.OpenMode.CREATE);
		applyChanges(fresh);
		fresh.merge.now();
		commit(fresh);
		fresh.refresh();
		if (live == null) {
			int documents = fresh.writer.getDocStats().numDocs;
			fresh.close();
			generations.makeCurrent(generation);
			return documents;
		}
		synchronized (writeLock) {
			applyChanges(fresh);
			Live old = live;
			live = fresh;
			generations.makeCurrent(generation);
			old.close();
			generations.removeStale();
			return fresh.writer.getDocStats().numDocs;
		}
	}

	// --- searching

	/** Runs a read against the current searcher. */
	public <T> T search(Function<IndexSearcher, T> read) {
		Live current = live;
		if (current == null) {
			throw new IllegalStateException("the search index is not open");
		}
		try {
			IndexSearcher searcher = current.searchers.acquire();
			try {
				return read.apply(searcher);
			}
			catch (IndexSearcher.TooManyClauses e) {
				throw new BadRequestException(TOO_MANY_TERMS);
			}
			finally {
				current.searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Facet ordinals for a reader, built once per refreshed reader. */
	public SortedSetDocValuesReaderState facetState(IndexSearcher searcher) {
		FacetState cached = facetState;
		if (cached != null && cached.reader() == searcher.getIndexReader()) {
			return cached.state();
		}
		try {
			SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(),
					facets);
			facetState = new FacetState(searcher.getIndexReader(), state);
			return state;
		}
		catch (IllegalArgumentException noFacetsYet) {
			return null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public FacetsConfig facetsConfig() {
		return facets;
	}

	/** The folder name of the live generation, or null when closed. */
	public String generation() {
		Live current = live;
		return current == null ? null : current.generation.getFileName().toString();
	}

	/**
	 * The last change the searchers see: this one and every one before it are searchable.
	 */
	public ChangePosition searchableChange() {
		Live current = live;
		return current == null ? ChangePosition.START : current.searchable;
	}

	/** Whether the change, and so every one before it, is searchable. */
	public boolean holds(ChangePosition change) {
		return live != null && !change.isAfter(searchableChange());
	}

	private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
		Map<String, String> map = new HashMap<>();
		entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
		return map;
	}

}
