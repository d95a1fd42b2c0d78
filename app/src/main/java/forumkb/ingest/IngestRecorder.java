package forumkb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a run's row and its error rows current: errors are buffered and written with the
 * run's counters at each checkpoint, and a listener (the CLI's progress bar) is told.
 */
final class IngestRecorder {

	private final IngestRunRepository runs;

	private final IngestErrorRepository errors;

	private final Consumer<IngestRun> listener;

	private final List<IngestError> pending = new ArrayList<>();

	IngestRecorder(IngestRunRepository runs, IngestErrorRepository errors, Consumer<IngestRun> listener) {
		this.runs = runs;
		this.errors = errors;
		this.listener = listener;
	}

	void error(IngestRun run, String item, Integer line, String reason) {
		pending.add(new IngestError(run.getId(), withoutNul(item), line, withoutNul(reason)));
	}

	/**
	 * PostgreSQL refuses NUL in text, and a failed item's name or reason may quote the
	 * input: the row that reports it would fail, and with it the run's last checkpoint,
	 * leaving the run "running" for good. The thread itself is refused by
	 * {@link ThreadLimits}.
	 */
	static String withoutNul(String text) {
		return text == null ? null : text.replace("\0", "");
	}

	void checkpoint(IngestRun run) {
		if (!pending.isEmpty()) {
			errors.saveAll(pending);
			pending.clear();
		}
		runs.save(run);
		listener.accept(run);
	}

}
