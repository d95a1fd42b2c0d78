package forumkb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle every Lucene index derived from PostgreSQL shares (the search index, the
 * sentence vectors): generation folders under one root, each commit recording the
 * database, the layout (what a document holds and how it was made) and the last change
 * applied; on open, a generation of another database or layout, or ahead of the database,
 * is replaced by an empty one that catches up from the start of the change feed.
 */
public final class DerivedIndex {

	private static final Logger log = LoggerFactory.getLogger(DerivedIndex.class);

	private static final String APPLIED = "forumkb.applied-change";

	private static final String DATABASE = "forumkb.database";

	private static final String LAYOUT = "forumkb.layout";

	private final String name;

	private final String layout;

	private final IndexFeed feed;

	private final IndexGenerations generations;

	private final Supplier<IndexWriterConfig> config;

	/** Read once: commits (also the last one, at shutdown) must not need the database. */
	private volatile String database;

	/**
	 * {@code name} names the index in the log; {@code layout} changes whenever documents
	 * written before would no longer be right.
	 */
	public DerivedIndex(String name, Path root, String layout, IndexFeed feed, Supplier<IndexWriterConfig> config) {
		this.name = name;
		this.layout = layout;
		this.feed = feed;
		this.generations = new IndexGenerations(root);
		this.config = config;
	}

	/**
	 * One open generation: its writer, its searchers, the last change it holds and the
	 * last one its searchers see.
	 */
	public static final class Generation {

		private final Path folder;

		private final IndexWriter writer;

		private final SearcherManager searchers;

		private volatile ChangePosition applied;

		private volatile ChangePosition searchable;

		private Generation(Path folder, IndexWriter writer, ChangePosition applied) throws IOException {
			this.folder = folder;
			this.writer = writer;
			this.searchers = new SearcherManager(writer, null);
			this.applied = applied;
			this.searchable = applied;
		}

		public Path folder() {
			return folder;
		}

		public IndexWriter writer() {
			return writer;
		}

		/** The last change written to this generation (maybe not yet searchable). */
		public ChangePosition applied() {
			return applied;
		}

		public void applied(ChangePosition change) {
			applied = change;
		}

		/** The last change the searchers see. */
		public ChangePosition searchable() {
			return searchable;
		}

		/** Opens searchers on everything applied so far. */
		public void refresh() throws IOException {
			ChangePosition reached = applied;
			searchers.maybeRefreshBlocking();
			searchable = reached;
		}

		/** Runs a read against the current searcher. */
		public <T> T read(Function<IndexSearcher, T> read) {
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

		public void close() throws IOException {
			searchers.close();
			writer.close();
		}

		/**
		 * Closes without waiting for a background merge: right after a commit it loses
		 * nothing.
		 */
		public void closeCommitted() throws IOException {
			searchers.close();
			writer.rollback();
		}

	}

	/**
	 * Opens the generation named current, unless it was built from another database or
	 * with another layout, or is ahead of the database; then a new empty one becomes
	 * current.
	 */
	public Generation openCurrent() throws IOException {
		Path current = generations.current();
		database = feed.databaseIdentity();
		if (current != null) {
			Generation opened = open(current);
			Map<String, String> data = commitData(opened.writer);
			if (database.equals(data.get(DATABASE)) && layout.equals(data.get(LAYOUT))
					&& !opened.applied.isAfter(feed.lastChange())) {
				log.info("{} {} resumes after change {}", name, current.getFileName(), opened.applied);
				generations.removeStale();
				return opened;
			}
			log.info("{} {} belongs to another database or layout; building a new one", name, current.getFileName());
			opened.close();
		}
		Generation created = create();
		makeCurrent(created);
		generations.removeStale();
		return created;
	}

	/** A new empty generation beside the current one, for a rebuild. */
	public Generation create() throws IOException {
		Path folder = generations.create();
		Generation created = new Generation(folder,
				new IndexWriter(FSDirectory.open(folder), config.get().setOpenMode(IndexWriterConfig.OpenMode.CREATE)),
				ChangePosition.START);
		commit(created);
		return created;
	}

	/** Opens an existing generation where its last commit left it. */
	public Generation open(Path folder) throws IOException {
		IndexWriter writer = new IndexWriter(FSDirectory.open(folder),
				config.get().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		String applied = commitData(writer).get(APPLIED);
		return new Generation(folder, writer, applied == null ? ChangePosition.START : ChangePosition.parse(applied));
	}

	/** Commits what the generation holds, with the change it reached. */
	public void commit(Generation generation) throws IOException {
		if (database == null) {
			database = feed.databaseIdentity();
		}
		generation.writer.setLiveCommitData(
				Map.of(APPLIED, generation.applied.toString(), DATABASE, database, LAYOUT, layout).entrySet());
		generation.writer.commit();
	}

	/** Names the generation current, atomically. */
	public void makeCurrent(Generation generation) {
		generations.makeCurrent(generation.folder);
	}

	/**
	 * Removes the generations that are not current (best effort: one still open is
	 * removed later).
	 */
	public void removeStale() {
		generations.removeStale();
	}

	/** The folder named current, or null; another process may have named a new one. */
	public Path current() {
		return generations.current();
	}

	public String layout() {
		return layout;
	}

	private static Map<String, String> commitData(IndexWriter writer) {
		Map<String, String> data = new HashMap<>();
		if (writer.getLiveCommitData() != null) {
			writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
		}
		return data;
	}

}
