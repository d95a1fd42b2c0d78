package forumkb.digest;

import forumkb.account.AccountService;
import forumkb.report.Report;
import forumkb.report.ReportAssigned;
import forumkb.report.ReportDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails a reporter when an engineer triaged or closed their report, and an engineer when
 * someone assigned them a report, through the digest's mail settings; not those who
 * turned report mail off. Only once the change is committed: one rolled back tells
 * nobody. An SMTP failure loses this one notice (the report page, "My reports" and the
 * queue still show it), so it is logged, not retried.
 */
@Component
class ReportDecisionMail {

	private static final Logger log = LoggerFactory.getLogger(ReportDecisionMail.class);

	private final DigestMail mail;

	private final AccountService accounts;

	ReportDecisionMail(DigestMail mail, AccountService accounts) {
		this.mail = mail;
		this.accounts = accounts;
	}

	@TransactionalEventListener
	void decided(ReportDecided decided) {
		if (decided.reporterToTell()) {
			send(decided.report().submitterEmail(), decided.report(), () -> mail.sendReportDecision(decided.report()));
		}
	}

	@TransactionalEventListener
	void assigned(ReportAssigned assigned) {
		send(assigned.report().assignee(), assigned.report(),
				() -> mail.sendReportAssigned(assigned.report(), assigned.assignedBy()));
	}

	private void send(String to, Report report, Runnable sending) {
		if (!accounts.wantsReportMail(to)) {
			return;
		}
		try {
			sending.run();
		}
		catch (MailException e) {
			log.warn("Could not tell {} about report {}: {}", to, report.id(), e.getMessage());
		}
	}

}
