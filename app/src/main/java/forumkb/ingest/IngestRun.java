package forumkb.ingest;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One ingest: what was read, how far it got, and what it did. */
@Entity
@Table(name = "ingest_run")
public class IngestRun {

	public static final String RUNNING = "running";

	public static final String COMPLETED = "completed";

	public static final String FAILED = "failed";

	/** Its process died while it ran (see RunningRuns). */
	public static final String INTERRUPTED = "interrupted";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String origin;

	private String format;

	private String status = RUNNING;

	private Instant startedAt = Instant.now();

	private Instant finishedAt;

	private int total;

	private int processed;

	private int created;

	private int updated;

	private int unchanged;

	private int failed;

	private String message;

	protected IngestRun() {
	}

	IngestRun(String origin) {
		this.origin = IngestRecorder.withoutNul(origin);
	}

	void count(StoreOutcome outcome) {
		switch (outcome) {
			case CREATED -> created++;
			case UPDATED -> updated++;
			case UNCHANGED -> unchanged++;
		}
		processed++;
	}

	void countFailure() {
		failed++;
		processed++;
	}

	void addToTotal(int items) {
		total += items;
	}

	void noteFormat(String value) {
		format = format == null || format.equals(value) ? value : "mixed";
	}

	void finish(String finalStatus, String finalMessage) {
		status = finalStatus;
		message = IngestRecorder.withoutNul(finalMessage);
		finishedAt = Instant.now();
		total = Math.max(total, processed);
	}

	public boolean isFinished() {
		return !RUNNING.equals(status);
	}

	public Long getId() {
		return id;
	}

	public String getOrigin() {
		return origin;
	}

	public String getFormat() {
		return format;
	}

	public String getStatus() {
		return status;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getFinishedAt() {
		return finishedAt;
	}

	public int getTotal() {
		return total;
	}

	public int getProcessed() {
		return processed;
	}

	public int getCreated() {
		return created;
	}

	public int getUpdated() {
		return updated;
	}

	public int getUnchanged() {
		return unchanged;
	}

	public int getFailed() {
		return failed;
	}

	public String getMessage() {
		return message;
	}

}
