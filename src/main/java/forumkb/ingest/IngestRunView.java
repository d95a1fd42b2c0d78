package forumkb.ingest;

import java.time.Instant;
import java.util.List;

/** An ingest run as the API shows it: counts and every item that failed, with its reason. */
public record IngestRunView(
        Long id, String origin, String format, String status, Instant startedAt, Instant finishedAt,
        int total, int processed, int created, int updated, int unchanged, int failed, String message,
        List<ItemError> errors) {

    public record ItemError(String item, Integer line, String reason) {
    }

    static IngestRunView of(IngestRun run, List<IngestError> errors) {
        return new IngestRunView(run.getId(), run.getOrigin(), run.getFormat(), run.getStatus(), run.getStartedAt(),
                run.getFinishedAt(), run.getTotal(), run.getProcessed(), run.getCreated(), run.getUpdated(),
                run.getUnchanged(), run.getFailed(), run.getMessage(),
                errors.stream().map(e -> new ItemError(e.getItem(), e.getLine(), e.getReason())).toList());
    }
}
