package forumkb.ingest;

import forumkb.extract.EntityExtractor;
import forumkb.ingest.parse.FormatDetector;
import forumkb.ingest.parse.SourceFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests documents: reads each input, detects its format, parses it and stores the
 * threads in chunks, recording a run with counts and per-item errors. Every input and
 * every thread succeeds or fails alone.
 */
@Service
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private static final int SNIFF_BYTES = 64 * 1024;

	private final ThreadStore store;

	private final IngestRunRepository runs;

	private final IngestErrorRepository errors;

	private final RunningRuns running;

	private final TransactionTemplate transactions;

	private final Parsers parsers;

	private final EntityExtractor extractor = new EntityExtractor();

	private final long maxBytes;

	private final int chunkSize;

	private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

	private final Counter storedThreads;

	private final Timer runTime;

	IngestService(ThreadStore store, IngestRunRepository runs, IngestErrorRepository errors, RunningRuns running,
			PlatformTransactionManager transactionManager, Parsers parsers,
			@Value("${forumkb.ingest.max-bytes}") long maxBytes, @Value("${forumkb.ingest.chunk-size}") int chunkSize,
			MeterRegistry meters) {
		this.storedThreads = Counter.builder("forumkb.ingest.threads")
			.description("Threads created or updated")
			.register(meters);
		this.runTime = Timer.builder("forumkb.ingest.run").description("Duration of ingest runs").register(meters);
		this.store = store;
		this.runs = runs;
		this.errors = errors;
		this.running = running;
		this.transactions = new TransactionTemplate(transactionManager);
		this.parsers = parsers;
		this.maxBytes = maxBytes;
		this.chunkSize = chunkSize;
	}

	/** Ingests and returns the finished run. */
	public IngestRun ingest(String origin, List<IngestInput> inputs, Consumer<IngestRun> progress) {
		IngestRun run = runs.save(new IngestRun(origin));
		process(run, inputs, progress);
		return run;
	}

	public IngestRun ingest(String origin, List<IngestInput> inputs) {
		return ingest(origin, inputs, ignored -> {
		});
	}

	/** Starts the run and returns at once; its row shows progress until it finishes. */
	public IngestRun start(String origin, List<IngestInput> inputs) {
		IngestRun run = runs.save(new IngestRun(origin));
		background.submit(() -> process(run, inputs, ignored -> {
		}));
		return run;
	}

	public long maxBytes() {
		return maxBytes;
	}

	private void process(IngestRun run, List<IngestInput> inputs, Consumer<IngestRun> progress) {
		runTime.record(() -> processTimed(run, inputs, progress));
		storedThreads.increment(run.getCreated() + run.getUpdated());
	}

	private void processTimed(IngestRun run, List<IngestInput> inputs, Consumer<IngestRun> progress) {
		IngestRecorder recorder = new IngestRecorder(runs, errors, progress);
		// The row says "running" only while the lease is held: if this process dies, the
		// run is marked interrupted.
		try (RunningRuns.Lease lease = running.hold(run)) {
			storeAll(run, inputs, recorder);
			recorder.checkpoint(run);
		}
	}

	private void storeAll(IngestRun run, List<IngestInput> inputs, IngestRecorder recorder) {
		try (IngestBatch batch = new IngestBatch(run, store, transactions, extractor, recorder, chunkSize)) {
			try {
				for (IngestInput input : inputs) {
					read(input, run, batch);
				}
				batch.finish();
				run.finish(IngestRun.COMPLETED, summary(run));
			}
			catch (RuntimeException e) {
				log.error("Ingest run {} stopped", run.getId(), e);
				run.finish(IngestRun.FAILED, "stopped after " + run.getProcessed() + " items: " + e.getMessage());
			}
		}
	}

	private void read(IngestInput input, IngestRun run, IngestBatch batch) {
		String name = input.name();
		try {
			long size = input.size();
			if (size == 0) {
				batch.reject(name, "empty input: nothing to ingest");
				return;
			}
			byte[] head = readHead(input);
			String binary = FormatDetector.binaryReason(head);
			if (binary != null) {
				batch.reject(name, binary);
				return;
			}
			SourceFormat format = input.format() != null ? input.format()
					: FormatDetector.detect(name, input.contentType(), TextDecoder.preview(head));
			run.noteFormat(format.name().toLowerCase());
			if (format == SourceFormat.JSONL) {
				streamJsonLines(input, batch);
			}
			else if (size > maxBytes) {
				batch.reject(name, "too large: " + size + " bytes, the limit is " + maxBytes + " bytes");
			}
			else {
				byte[] bytes = input.bytes() != null ? input.bytes() : readAll(input);
				batch.add(parsers.forFormat(format).parse(name, TextDecoder.decode(bytes)));
			}
		}
		catch (CharacterCodingException e) {
			batch.reject(name, "not valid UTF-8 text (wrongly encoded?): " + e.getMessage());
		}
		catch (IOException e) {
			batch.reject(name, "cannot be read: " + e.getMessage());
		}
	}

	/** JSON Lines are read line by line, so a file of any size streams through. */
	private void streamJsonLines(IngestInput input, IngestBatch batch) throws IOException {
		var parser = parsers.jsonLines();
		int lineNumber = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(input.open(), TextDecoder.strictUtf8()),
				1 << 16)) {
			String line;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				if (lineNumber == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				batch.add(parser.parseLine(input.name(), lineNumber, line));
			}
		}
		catch (CharacterCodingException e) {
			batch.reject(input.name() + " line " + (lineNumber + 1),
					"not valid UTF-8 text (wrongly encoded?); the lines before it were read");
		}
	}

	private static byte[] readHead(IngestInput input) throws IOException {
		if (input.bytes() != null && input.bytes().length <= SNIFF_BYTES) {
			return input.bytes();
		}
		try (InputStream in = input.open()) {
			return in.readNBytes(SNIFF_BYTES);
		}
	}

	private static byte[] readAll(IngestInput input) throws IOException {
		try (InputStream in = input.open()) {
			return in.readAllBytes();
		}
	}

	private static String summary(IngestRun run) {
		return "%d created, %d updated, %d unchanged, %d failed".formatted(run.getCreated(), run.getUpdated(),
				run.getUnchanged(), run.getFailed());
	}

}
