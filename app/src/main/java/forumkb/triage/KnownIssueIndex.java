package forumkb.triage;

import forumkb.extract.EntityExtractor;
import forumkb.extract.ErrorCatalog;
import forumkb.extract.ExtractedEntity;
import forumkb.extract.SymptomLines;
import forumkb.index.ChangePosition;
import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexedThread;
import forumkb.index.ThreadDocuments;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.KnownIssueGeneration;
import forumkb.knownissue.KnownIssueService;
import forumkb.knownissue.KnownIssuesChanged;
import forumkb.knownissue.SignatureTerm;
import forumkb.search.LexicalReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The known issues as a small in-memory Lucene index with the same fields as threads
 * (title, symptom and cause as body, workaround as answer, signature entities as exact
 * fields), so triage runs one query over both. Rebuilt whenever a known issue changes:
 * there are tens to hundreds of them, not millions. Each node has its own: a change on
 * this node rebuilds it at once, one on another node when {@link #refreshIfChanged()}
 * next sees the generation move.
 */
@Component
public class KnownIssueIndex {

	private static final int VECTOR_CACHE = 20_000;

	private final KnownIssueService knownIssues;

	private final KnownIssueGeneration generations;

	/** The generation the current snapshot was built from; guarded by this. */
	private long builtAt = -1;

	private final ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());

	private final EntityExtractor extractor = new EntityExtractor();

	private final SymptomLines symptoms = new SymptomLines(extractor);

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	/**
	 * The known issues as of the last rebuild, their index, and which known issues each
	 * thread is linked to. {@code shown} indexes only what anyone may read of each (no
	 * report text, no terms learned from reports): snippets for those who may not read
	 * reports come from it.
	 */
	record Snapshot(DirectoryReader reader, DirectoryReader shown, Map<Long, KnownIssue> issues,
			Map<Long, List<Long>> issuesByThread, Map<Long, List<float[]>> vectors) {

		static final Snapshot EMPTY = new Snapshot(null, null, Map.of(), Map.of(), Map.of());

		/**
		 * The known issue's closest text (its own, or a report assigned to it) to the
		 * query vector.
		 */
		float cosine(long issueId, float[] query) {
			float best = -1;
			for (float[] vector : vectors.getOrDefault(issueId, List.of())) {
				best = Math.max(best, SentenceEmbeddings.cosine(vector, query));
			}
			return best;
		}

		IndexSearcher searcher(LexicalReader.TermCounts threads) {
			return reader == null ? null : new BorrowedStatistics(reader, threads);
		}

		IndexSearcher shownSearcher(LexicalReader.TermCounts threads) {
			return shown == null ? null : new BorrowedStatistics(shown, threads);
		}
	}

	private final SentenceEmbeddings embeddings;

	/**
	 * Rebuilds follow every edit; texts that did not change keep their vectors (~40 ms
	 * each to compute).
	 */
	private final Map<String, float[]> vectorCache = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > VECTOR_CACHE;
		}
	};

	KnownIssueIndex(KnownIssueService knownIssues, KnownIssueGeneration generations, SentenceEmbeddings embeddings) {
		this.knownIssues = knownIssues;
		this.generations = generations;
		this.embeddings = embeddings;
	}

	/**
	 * Runs a read against the current snapshot, which stays open until the read is done.
	 */
	<T> T read(Function<Snapshot, T> read) {
		while (true) {
			Snapshot current = snapshot;
			if (current.reader() == null) {
				return read.apply(current);
			}
			if (current.reader().tryIncRef()) {
				try {
					if (current.shown().tryIncRef()) {
						try {
							return read.apply(current);
						}
						finally {
							release(current.shown());
						}
					}
				}
				finally {
					release(current.reader());
				}
			}
		}
	}

	private static void release(DirectoryReader reader) {
		try {
			reader.decRef();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		rebuild();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(KnownIssuesChanged event) {
		rebuild();
	}

	/**
	 * Rebuilds when the known issues changed since the snapshot, on this node or another.
	 */
	@Scheduled(fixedDelayString = "${forumkb.triage.known-issues.refresh-interval:PT2S}")
	synchronized void refreshIfChanged() {
		if (generations.current() != builtAt) {
			rebuild();
		}
	}

	synchronized void rebuild() {
		// Read before the known issues: a change committed in between is seen by the next
		// refresh.
		long generation = generations.current();
		List<KnownIssue> all = knownIssues.all();
		Map<Long, List<String>> reports = knownIssues.assignedReportTexts();
		Map<Long, KnownIssue> issues = new LinkedHashMap<>();
		Map<Long, List<Long>> byThread = new HashMap<>();
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		ByteBuffersDirectory shownDirectory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()));
				IndexWriter shownWriter = new IndexWriter(shownDirectory,
						new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()))) {
			for (KnownIssue issue : all) {
				issues.put(issue.id(), issue);
				issue.threads()
					.forEach(thread -> byThread.computeIfAbsent(thread.id(), id -> new ArrayList<>()).add(issue.id()));
				writer.addDocument(documents.document(asThread(issue, reports.getOrDefault(issue.id(), List.of()))));
				shownWriter.addDocument(documents.document(asThread(issue.withoutLearnedTerms(), List.of())));
			}
			writer.commit();
			shownWriter.commit();
			DirectoryReader reader = all.isEmpty() ? null : DirectoryReader.open(directory);
			DirectoryReader shown = all.isEmpty() ? null : DirectoryReader.open(shownDirectory);
			Snapshot old = snapshot;
			snapshot = new Snapshot(reader, shown, Map.copyOf(issues), Map.copyOf(byThread), vectors(all, reports));
			builtAt = generation;
			if (old.reader() != null) {
				release(old.reader());
				release(old.shown());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Sentence vectors of each known issue's title and symptom, and of the reports
	 * assigned to it.
	 */
	private Map<Long, List<float[]>> vectors(List<KnownIssue> all, Map<Long, List<String>> reports) {
		if (!embeddings.enabled() || all.isEmpty()) {
			return Map.of();
		}
		List<String> texts = new ArrayList<>();
		List<Long> owners = new ArrayList<>();
		for (KnownIssue issue : all) {
			texts.add(issue.title() + "\n" + issue.symptom());
			owners.add(issue.id());
			for (String report : reports.getOrDefault(issue.id(), List.of())) {
				texts.add(symptoms.distinctive(report));
				owners.add(issue.id());
			}
		}
		List<String> missing = texts.stream().filter(text -> !vectorCache.containsKey(text)).distinct().toList();
		List<float[]> embedded = missing.isEmpty() ? List.of() : embeddings.embedAll(missing);
		for (int i = 0; i < missing.size(); i++) {
			vectorCache.put(missing.get(i), embedded.get(i));
		}
		Map<Long, List<float[]>> vectors = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			vectors.computeIfAbsent(owners.get(i), id -> new ArrayList<>()).add(vectorCache.get(texts.get(i)));
		}
		return vectors;
	}

	/**
	 * A known issue in the shape of a thread: phrases join the body, signature entities
	 * the entities, and the symptom lines of reports assigned to it stand in for further
	 * posts.
	 */
	private IndexedThread asThread(KnownIssue issue, List<String> reports) {
		String phrases = String.join("\n",
				issue.signature().stream().filter(SignatureTerm::phrase).map(SignatureTerm::value).toList());
		String body = String.join("\n", issue.symptom(), issue.rootCause(), phrases);
		Set<IndexedThread.Entity> entities = new LinkedHashSet<>();
		for (ExtractedEntity entity : extractor.extract(issue.title() + "\n" + body + "\n" + issue.workaround())) {
			entities.add(new IndexedThread.Entity(entity.kind().wireName(), entity.normalized()));
		}
		issue.signature()
			.stream()
			.filter(term -> !term.phrase())
			.forEach(term -> entities.add(new IndexedThread.Entity(term.kind(), term.value())));
		return new IndexedThread(issue.id(), ChangePosition.START, "known-issue", "/known-issues/" + issue.id(),
				issue.title(), null, null, List.of(), issue.createdAt(), issue.updatedAt(), null, null, false, body,
				issue.workaround().isBlank() ? null : issue.workaround(),
				String.join("\n", reports.stream().map(symptoms::distinctive).toList()), List.copyOf(entities));
	}

}
