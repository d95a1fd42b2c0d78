package forumkb.digest;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A reporter hears by mail, through the digest's mail settings, when an engineer triages
 * or closes their report.
 */
class ReportDecisionMailTests extends WithMailServer {

	@Test
	void theReporterIsMailedWhenTheirReportIsTriagedAndWhenItIsClosed() throws Exception {
		Subscriber reporter = Subscribers.account(application, port, Role.DEVELOPER);
		Subscriber engineer = Subscribers.account(application, port, Role.ENGINEER);
		long report = reporter.http()
			.postJson("/api/reports",
					"{\"text\": \"CKErrorDomain Code=2 partialFailure\", "
							+ "\"description\": \"Sync fails for new users. Only on first launch.\"}")
			.json()
			.get("id")
			.asLong();
		HttpClientSupport decider = engineer.http();
		assertThat(decider
			.postJson("/api/reports/" + report + "/decision",
					"{\"action\": \"new-known-issue\", \"title\": \"CloudKit sync fails on first launch\"}")
			.status()).isEqualTo(200);

		MimeMessage triaged = Subscribers.awaitMail(MAIL, reporter.email(), 1).getFirst();
		assertThat(triaged.getSubject())
			.isEqualTo("Known issue “CloudKit sync fails on first launch” created from report #" + report + ".");
		assertThat(MailServer.text(triaged, "text/plain")).contains("Report #" + report + ": Sync fails for new users.")
			.contains("http://digest.example/reports/" + report);

		assertThat(decider.postJson("/api/reports/" + report + "/decision", "{\"action\": \"close\"}").status())
			.isEqualTo(200);
		MimeMessage closed = Subscribers.awaitMail(MAIL, reporter.email(), 2).get(1);
		assertThat(closed.getSubject()).isEqualTo("Report #" + report + " closed.");
		assertThat(MAIL.to(engineer.email())).as("the engineer who decided is not told").isEmpty();
	}

}
