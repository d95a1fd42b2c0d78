package forumkb.account;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records who changed what; other features (known issues, reports) record through it too.
 */
@Component
public class AuditLog {

	private final AuditEventRepository events;

	AuditLog(AuditEventRepository events) {
		this.events = events;
	}

	public void record(String actor, String action, String subject, String detail) {
		events.save(new AuditEvent(actor, action, subject, detail));
	}

	public List<AuditEvent> recent() {
		return events.findTop200ByOrderByIdDesc();
	}

}
