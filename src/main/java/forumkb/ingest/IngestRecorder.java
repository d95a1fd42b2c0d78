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
        pending.add(new IngestError(run.getId(), item, line, reason));
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
