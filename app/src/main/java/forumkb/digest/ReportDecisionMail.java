package forumkb.digest;

import forumkb.report.ReportDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails a reporter when an engineer triaged or closed their report, through the digest's
 * mail settings. Only once the decision is committed: a decision rolled back tells
 * nobody. An SMTP failure loses this one notice (the report page and "My reports" still
 * show the decision), so it is logged, not retried.
 */
@Component
class ReportDecisionMail {

	private static final Logger log = LoggerFactory.getLogger(ReportDecisionMail.class);

	private final DigestMail mail;

	ReportDecisionMail(DigestMail mail) {
		this.mail = mail;
	}

	@TransactionalEventListener
	void decided(ReportDecided decided) {
		if (!decided.reporterToTell()) {
			return;
		}
		try {
			mail.sendReportDecision(decided.report());
		}
		catch (MailException e) {
			log.warn("Could not tell {} about report {}: {}", decided.report().submitterEmail(), decided.report().id(),
					e.getMessage());
		}
	}

}
