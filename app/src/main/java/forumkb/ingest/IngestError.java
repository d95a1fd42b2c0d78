package forumkb.ingest;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item an ingest run could not take, and why. */
@Entity
@Table(name = "ingest_error")
public class IngestError {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long runId;

	private String item;

	private Integer line;

	private String reason;

	protected IngestError() {
	}

	IngestError(Long runId, String item, Integer line, String reason) {
		this.runId = runId;
		this.item = item;
		this.line = line;
		this.reason = reason;
	}

	public Long getId() {
		return id;
	}

	public Long getRunId() {
		return runId;
	}

	public String getItem() {
		return item;
	}

	public Integer getLine() {
		return line;
	}

	public String getReason() {
		return reason;
	}

}
