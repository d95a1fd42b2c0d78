package forumkb.ingest;

import forumkb.extract.EntityExtractor;
import forumkb.extract.ExtractedEntity;
import forumkb.ingest.parse.ParseFailure;
import forumkb.ingest.parse.ParseResult;
import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects the threads of one run into chunks and stores each chunk in one transaction.
 * When a chunk's transaction fails, its threads are retried one by one so a single bad
 * thread fails alone and the others still land.
 *
 * <p>
 * A chunk is stored on a writer thread while the next one is parsed and extracted, so the
 * database and the extractor work at the same time; at most one chunk is in flight.
 */
final class IngestBatch implements AutoCloseable {

	private final IngestRun run;

	private final ThreadStore store;

	private final TransactionTemplate transactions;

	private final EntityExtractor extractor;

	private final IngestRecorder recorder;

	private final int chunkSize;

	private final List<Pending> chunk = new ArrayList<>();

	private final Set<String> chunkKeys = new HashSet<>();

	private final ExecutorService writer = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-writer").daemon().factory());

	private Future<List<Stored>> inFlight;

	IngestBatch(IngestRun run, ThreadStore store, TransactionTemplate transactions, EntityExtractor extractor,
			IngestRecorder recorder, int chunkSize) {
		this.run = run;
		this.store = store;
		this.transactions = transactions;
		this.extractor = extractor;
		this.recorder = recorder;
		this.chunkSize = chunkSize;
	}

	void add(ParseResult result) {
		result.threads().forEach(this::accept);
		result.failures().forEach(this::reject);
	}

	void accept(ParsedThread thread) {
		String label = label(thread);
		run.addToTotal(1);
		String violation = ThreadLimits.violation(thread);
		if (violation != null) {
			fail(label, lineOf(thread), violation);
			return;
		}
		String key = ThreadIdentity.key(thread);
		if (chunkKeys.contains(key)) {
			// The same thread twice in one chunk: store the first before deciding about
			// the second.
			flush();
		}
		chunk.add(new Pending(thread, label, key));
		chunkKeys.add(key);
		if (chunk.size() >= chunkSize) {
			flush();
		}
	}

	void reject(ParseFailure failure) {
		run.addToTotal(1);
		fail(failure.item(), failure.line(), failure.reason());
	}

	/** A failure of a whole input (unreadable, empty, too large): one item of the run. */
	void reject(String item, String reason) {
		reject(new ParseFailure(item, null, reason));
	}

	/** Hands the current chunk to the writer and records what the previous one did. */
	void flush() {
		if (!chunk.isEmpty()) {
			List<PreparedThread> prepared = chunk.parallelStream().map(this::prepare).toList();
			chunk.clear();
			chunkKeys.clear();
			awaitWrite();
			inFlight = writer.submit(() -> store(prepared));
		}
		recorder.checkpoint(run);
	}

	/** Waits for the last chunk and records the run's final counts. */
	void finish() {
		flush();
		awaitWrite();
		recorder.checkpoint(run);
	}

	@Override
	public void close() {
		writer.shutdownNow();
	}

	private void awaitWrite() {
		if (inFlight == null) {
			return;
		}
		try {
			for (Stored stored : inFlight.get()) {
				if (stored.outcome() != null) {
					run.count(stored.outcome());
				}
				else {
					fail(stored.label(), stored.line(), stored.reason());
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("ingest interrupted", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		finally {
			inFlight = null;
		}
	}

	/** Runs on the writer thread; touches nothing but the store. */
	private List<Stored> store(List<PreparedThread> prepared) {
		try {
			return transactions.execute(status -> store.save(run.getId(), prepared)).stream().map(Stored::of).toList();
		}
		catch (DataAccessException chunkFailure) {
			store.forgetSources();
			return prepared.stream().map(this::storeAlone).toList();
		}
	}

	private Stored storeAlone(PreparedThread prepared) {
		try {
			return Stored.of(transactions.execute(status -> store.save(run.getId(), List.of(prepared))).getFirst());
		}
		catch (DataAccessException e) {
			store.forgetSources();
			return new Stored(null, prepared.label(), lineOf(prepared.thread()),
					"could not be stored: " + firstLine(e));
		}
	}

	private PreparedThread prepare(Pending pending) {
		ParsedThread thread = pending.thread();
		List<ExtractedEntity> titleEntities = thread.title() == null ? List.of() : extractor.extract(thread.title());
		List<List<ExtractedEntity>> postEntities = new ArrayList<>(thread.posts().size());
		for (ParsedPost post : thread.posts()) {
			postEntities.add(extractor.extract(post.body()));
		}
		return new PreparedThread(thread, pending.label(), pending.key(), ThreadIdentity.contentHash(thread),
				titleEntities, postEntities);
	}

	private void fail(String item, Integer line, String reason) {
		run.countFailure();
		recorder.error(run, item, line, reason);
	}

	private static String label(ParsedThread thread) {
		var provenance = thread.provenance();
		String where = provenance == null ? "input" : provenance.origin();
		if (provenance != null && provenance.firstLine() != null) {
			where += " line " + provenance.firstLine();
		}
		return thread.title() == null ? where : where + " (" + abbreviate(thread.title()) + ")";
	}

	private static Integer lineOf(ParsedThread thread) {
		return thread.provenance() == null ? null : thread.provenance().firstLine();
	}

	private static String abbreviate(String text) {
		return text.length() <= 80 ? text : text.substring(0, 79) + "…";
	}

	private static String firstLine(DataAccessException e) {
		String message = String.valueOf(e.getMostSpecificCause().getMessage());
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	private record Pending(ParsedThread thread, String label, String key) {
	}

	/** What storing one thread did: an outcome, or why it failed. */
	private record Stored(StoreOutcome outcome, String label, Integer line, String reason) {
		static Stored of(StoreOutcome outcome) {
			return new Stored(outcome, null, null, null);
		}
	}

}
