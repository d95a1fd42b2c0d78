package forumkb.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who changed what: a role, a token, (later) a known issue or a report's status. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant at = Instant.now();

	private String actor;

	private String action;

	private String subject;

	private String detail;

	protected AuditEvent() {
	}

	AuditEvent(String actor, String action, String subject, String detail) {
		this.actor = actor;
		this.action = action;
		this.subject = subject;
		this.detail = detail;
	}

	public Long getId() {
		return id;
	}

	public Instant getAt() {
		return at;
	}

	public String getActor() {
		return actor;
	}

	public String getAction() {
		return action;
	}

	public String getSubject() {
		return subject;
	}

	public String getDetail() {
		return detail;
	}

}
