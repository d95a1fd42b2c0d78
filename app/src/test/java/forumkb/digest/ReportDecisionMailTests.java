package forumkb.digest;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A reporter hears by mail, through the digest's mail settings, when an engineer triages
 * or closes their report; an engineer when someone assigns them a report. Everyone can
 * turn that mail off on their mail settings page, and every such mail says how.
 */
class ReportDecisionMailTests extends WithMailServer {

	static final String TURN_OFF = "untick \"Mail me about reports\"";

	static final String SETTINGS = "http://digest.example/account/digest#report-mail";

	@Test
	void theReporterIsMailedWhenTheirReportIsTriagedAndWhenItIsClosed() throws Exception {
		Subscriber reporter = Subscribers.account(application, port, Role.DEVELOPER);
		Subscriber engineer = Subscribers.account(application, port, Role.ENGINEER);
		long report = submit(reporter, "Sync fails for new users. Only on first launch.");
		HttpClientSupport decider = engineer.http();
		assertThat(decider
			.postJson("/api/reports/" + report + "/decision",
					"{\"action\": \"new-known-issue\", \"title\": \"CloudKit sync fails on first launch\"}")
			.status()).isEqualTo(200);

		MimeMessage triaged = Subscribers.awaitMail(MAIL, reporter.email(), 1).getFirst();
		assertThat(triaged.getSubject())
			.isEqualTo("Known issue “CloudKit sync fails on first launch” created from report #" + report + ".");
		assertThat(MailServer.text(triaged, "text/plain")).contains("Report #" + report + ": Sync fails for new users.")
			.contains("http://digest.example/reports/" + report)
			.contains(TURN_OFF)
			.contains(SETTINGS);

		assertThat(decider.postJson("/api/reports/" + report + "/decision", "{\"action\": \"close\"}").status())
			.isEqualTo(200);
		MimeMessage closed = Subscribers.awaitMail(MAIL, reporter.email(), 2).get(1);
		assertThat(closed.getSubject()).isEqualTo("Report #" + report + " closed.");
		assertThat(MAIL.to(engineer.email())).as("the engineer who decided is not told").isEmpty();
	}

	@Test
	void theAssigneeIsMailedWithALinkButNotWhenTheyTookTheReportThemselves() throws Exception {
		Subscriber reporter = Subscribers.account(application, port, Role.DEVELOPER);
		Subscriber lead = Subscribers.account(application, port, Role.ENGINEER);
		Subscriber assignee = Subscribers.account(application, port, Role.ENGINEER);
		long report = submit(reporter, "Keychain item vanishes after restore.");

		assertThat(assign(lead, report, lead.email())).isEqualTo(200);
		assertThat(assign(lead, report, assignee.email())).isEqualTo(200);

		MimeMessage mail = Subscribers.awaitMail(MAIL, assignee.email(), 1).getFirst();
		assertThat(mail.getSubject())
			.isEqualTo("Report #" + report + " assigned to you: Keychain item vanishes after restore.");
		assertThat(MailServer.text(mail, "text/plain"))
			.contains(lead.email() + " assigned report #" + report + " to you.")
			.contains("http://digest.example/reports/" + report)
			.contains(TURN_OFF)
			.contains(SETTINGS);
		assertThat(MAIL.to(lead.email())).as("taking a report oneself tells nobody").isEmpty();
		assertThat(assign(lead, report, assignee.email())).as("already theirs").isEqualTo(200);
		assertThat(Subscribers.awaitMail(MAIL, assignee.email(), 1)).hasSize(1);
	}

	@Test
	void reportMailIsOnByDefaultAndWhoeverTurnsItOffOnTheSettingsPageGetsNone() throws Exception {
		Subscriber reporter = Subscribers.account(application, port, Role.DEVELOPER);
		Subscriber engineer = Subscribers.account(application, port, Role.ENGINEER);
		Subscriber assignee = Subscribers.account(application, port, Role.ENGINEER);
		assertThat(reporter.http().getPage("/account/digest").body())
			.contains("name=\"reportMail\" value=\"true\" checked=\"checked\"");

		for (Subscriber quiet : new Subscriber[] { reporter, assignee }) {
			HttpClientSupport.Response off = quiet.http()
				.send("POST", "/account/report-mail", "application/x-www-form-urlencoded", "");
			assertThat(off.status()).isEqualTo(302);
			assertThat(quiet.http().getPage("/account/digest").body()).contains("name=\"reportMail\" value=\"true\">");
		}
		long report = submit(reporter, "Widget timeline never reloads.");
		assertThat(assign(engineer, report, assignee.email())).isEqualTo(200);
		assertThat(engineer.http().postJson("/api/reports/" + report + "/decision", "{\"action\": \"close\"}").status())
			.isEqualTo(200);

		// Mail is sent before the answer returns; a later mail shows the server got all.
		long other = submit(engineer, "Widget timeline reloads twice.");
		assertThat(assign(assignee, other, engineer.email())).isEqualTo(200);
		Subscribers.awaitMail(MAIL, engineer.email(), 1);
		assertThat(MAIL.to(reporter.email())).isEmpty();
		assertThat(MAIL.to(assignee.email())).isEmpty();
	}

	static long submit(Subscriber reporter, String description) {
		return reporter.http()
			.postJson("/api/reports",
					"{\"text\": \"CKErrorDomain Code=2 partialFailure\", \"description\": \"" + description + "\"}")
			.json()
			.get("id")
			.asLong();
	}

	static int assign(Subscriber engineer, long report, String assignee) {
		return engineer.http()
			.postJson("/api/reports/" + report + "/assignee", "{\"assignee\": \"" + assignee + "\"}")
			.status();
	}

}
