package forumkb.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An ingest run as the API shows it: counts, every item that failed with its reason, and
 * a page of the threads it created or updated (none in the list of recent runs).
 */
public record IngestRunView(Long id, String origin, String format, String status, Instant startedAt, Instant finishedAt,
		int total, int processed, int created, int updated, int unchanged, int failed, String message,
		List<ItemError> errors, @JsonInclude(JsonInclude.Include.NON_NULL) RunThreads threads) {

	public record ItemError(String item, Integer line, String reason) {
	}

	/**
	 * The state as a person reads it: a run that finished with failed items is not shown
	 * as a plain "completed", which reads as all good.
	 */
	public String outcome() {
		if (!hasFailures()) {
			return status;
		}
		return "completed with " + failed + (failed == 1 ? " failure" : " failures");
	}

	/**
	 * The style of {@link #outcome()}: {@code partial} for a run that finished with
	 * failures.
	 */
	public String outcomeStyle() {
		return hasFailures() ? "partial" : status;
	}

	private boolean hasFailures() {
		return IngestRun.COMPLETED.equals(status) && failed > 0;
	}

	/** The twenty most recent runs, newest first, without their item errors. */
	static List<IngestRunView> recent(IngestRunRepository runs) {
		return runs.findTop20ByOrderByIdDesc().stream().map(run -> of(run, List.of(), null)).toList();
	}

	static IngestRunView of(IngestRun run, List<IngestError> errors, RunThreads threads) {
		return new IngestRunView(run.getId(), run.getOrigin(), run.getFormat(), run.getStatus(), run.getStartedAt(),
				run.getFinishedAt(), run.getTotal(), run.getProcessed(), run.getCreated(), run.getUpdated(),
				run.getUnchanged(), run.getFailed(), run.getMessage(),
				errors.stream().map(e -> new ItemError(e.getItem(), e.getLine(), e.getReason())).toList(), threads);
	}
}
