package forumkb.index;

import forumkb.system.BadRequestException;
import forumkb.extract.ErrorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
public class SearchIndex implements SmartLifecycle, ThreadIndex {

	/**
	 * Why a search Lucene would not run (past its 1,024-clause limit) is refused, as the
	 * user reads it.
	 */
	public static final String TOO_MANY_TERMS = "the query has more words, phrases and filters than a search can take: shorten it";

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private static final int PAGE = 500;

	private static final int COMMIT_EVERY = 20_000;

	private static final long REFRESH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final IndexFeed feed;

	private final IndexErrors errors;

	private final ThreadDocuments documents;

	private final FacetsConfig facets = ThreadDocuments.facetsConfig();

	private final DerivedIndex derived;

	private final boolean commandLine;

	/**
	 * Threads a bulk catch-up brings before the index merges to one segment; see
	 * {@link BulkMerge}.
	 */
	private final int mergeAfter;

	private final Object writeLock = new Object();

	/** Guards {@link #searching}, and is notified when it falls to zero. */
	private final Object quiet = new Object();

	private int searching;

	private volatile Live live;

	private volatile FacetState facetState;

	private final BackgroundRebuild background = new BackgroundRebuild("index-rebuild");

	SearchIndex(IndexFeed feed, IndexErrors errors, @Value("${forumkb.index.dir}") String directory,
			Environment environment, @Value("${forumkb.index.merge-after:10000}") int mergeAfter) {
		this.mergeAfter = mergeAfter;
		this.feed = feed;
		this.errors = errors;
		this.documents = new ThreadDocuments(facets, ErrorCatalog.load());
		this.derived = new DerivedIndex("Search index", Path.of(directory).toAbsolutePath(), ThreadDocuments.LAYOUT,
				feed, () -> new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()).setCodec(new ThreadIndexCodec())
					.setRAMBufferSizeMB(64));
		this.commandLine = environment.matchesProfiles("cli");
	}

	/**
	 * The open generation, with what only the search index does: commits every so many
	 * threads and merges after a bulk catch-up.
	 */
	private static final class Live {

		final DerivedIndex.Generation index;

		final BulkMerge merge;

		int uncommitted;

		Live(DerivedIndex.Generation index, int mergeAfter) {
			this.index = index;
			this.merge = new BulkMerge(index.writer(), mergeAfter);
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
			live = new Live(derived.openCurrent(), mergeAfter);
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
					live.index.closeCommitted();
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

	// --- keeping current

	/**
	 * Applies every change PostgreSQL has that the index has not; runs twice a second.
	 */
	@Override
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
		while (!(page = feed.changedAfter(target.index.applied(), PAGE)).isEmpty()) {
			errors.record(
					page.parallelStream().flatMap(thread -> update(target.index.writer(), thread).stream()).toList());
			target.index.applied(page.getLast().change());
			target.uncommitted += page.size();
			target.merge.applied(page.size());
			changed = true;
			if (target.uncommitted >= COMMIT_EVERY) {
				commit(target);
			}
			if (System.nanoTime() - refreshed >= REFRESH_EVERY_NANOS) {
				target.index.refresh();
				refreshed = System.nanoTime();
			}
		}
		if (changed) {
			commit(target);
			target.index.refresh();
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
				target.index.refresh();
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
		derived.commit(target.index);
		target.uncommitted = 0;
	}

	/** A command-line rebuild named another generation current: move to it. */
	private void switchIfRebuiltElsewhere() throws IOException {
		Path current = derived.current();
		if (current != null && !current.equals(live.index.folder())) {
			Live old = live;
			old.index.close();
			live = new Live(derived.open(current), mergeAfter);
			derived.removeStale();
			log.info("Search index switched to {}", current.getFileName());
		}
	}

	// --- rebuilding

	/** Starts a rebuild beside the live index; returns at once. */
	@Override
	public String startRebuild() {
		return background.start(this::rebuild);
	}

	@Override
	public String rebuildStatus() {
		return background.status();
	}

	/** Builds a whole new generation from PostgreSQL and makes it the live one. */
	@Override
	public int rebuild() throws IOException {
		Live fresh = new Live(derived.create(), mergeAfter);
		applyChanges(fresh);
		fresh.merge.now();
		commit(fresh);
		fresh.index.refresh();
		if (live == null) {
			int documents = fresh.index.writer().getDocStats().numDocs;
			fresh.index.close();
			derived.makeCurrent(fresh.index);
			return documents;
		}
		synchronized (writeLock) {
			applyChanges(fresh);
			Live old = live;
			live = fresh;
			derived.makeCurrent(fresh.index);
			old.index.close();
			derived.removeStale();
			return fresh.index.writer().getDocStats().numDocs;
		}
	}

	// --- searching

	/**
	 * Runs a read against the current searcher. Reads in progress are counted, so that
	 * background work can wait for a quiet moment ({@link #awaitNoSearches}).
	 */
	public <T> T search(Function<IndexSearcher, T> read) {
		Live current = live;
		if (current == null) {
			throw new IllegalStateException("the search index is not open");
		}
		synchronized (quiet) {
			searching++;
		}
		try {
			return current.index.read(read);
		}
		catch (IndexSearcher.TooManyClauses e) {
			throw new BadRequestException(TOO_MANY_TERMS);
		}
		finally {
			synchronized (quiet) {
				if (--searching == 0) {
					quiet.notifyAll();
				}
			}
		}
	}

	/**
	 * Waits until no search or triage reads the index, or at most {@code most}: work that
	 * can wait (the sentence-vector backlog) yields to the requests, yet is not starved
	 * under constant load.
	 */
	public void awaitNoSearches(Duration most) throws InterruptedException {
		long deadline = System.nanoTime() + most.toNanos();
		synchronized (quiet) {
			long left;
			while (searching > 0 && (left = deadline - System.nanoTime()) > 0) {
				TimeUnit.NANOSECONDS.timedWait(quiet, left);
			}
		}
	}

	/** How many searches read the index now. */
	public int searchesInProgress() {
		synchronized (quiet) {
			return searching;
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
	@Override
	public String generation() {
		Live current = live;
		return current == null ? null : current.index.folder().getFileName().toString();
	}

	/**
	 * The last change the searchers see: this one and every one before it are searchable.
	 */
	@Override
	public ChangePosition searchableChange() {
		Live current = live;
		return current == null ? ChangePosition.START : current.index.searchable();
	}

	/** Whether the change, and so every one before it, is searchable. */
	@Override
	public boolean holds(ChangePosition change) {
		return live != null && !change.isAfter(searchableChange());
	}

}
