package forumkb.digest;

import forumkb.SharedApplication;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * On the embedded default no SMTP server is configured: mail is caught, and admins read
 * it at /admin/mail. Runs in the shared default context.
 */
@SharedApplication
class MailCatcherTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Test
	void aDigestConfirmationIsCaughtForAdminsAndTheSettingsPageTellsAdminsHowToSendRealMail() {
		Subscriber subscriber = Subscribers.account(application, port, Role.DEVELOPER);
		Response saved = Subscribers.save(subscriber, Subscribers.settings("tags", "XPC"));
		assertThat(saved.body()).contains("We sent a confirmation link to " + subscriber.email())
			.contains("No SMTP server is configured")
			.as("only admins can act on how to send mail, or open the catcher")
			.doesNotContain("SPRING_MAIL_HOST")
			.doesNotContain("href=\"/admin/mail\"");

		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		Response caught = admin.getPage("/admin/mail");
		assertThat(caught.status()).isEqualTo(200);
		assertThat(caught.body()).contains("Confirm your forumkb weekly digest")
			.contains("To " + subscriber.email())
			.contains("/digest/confirm?token=");

		assertThat(subscriber.http().getPage("/admin/mail").status()).isEqualTo(403);
		assertThat(subscriber.http().getPage("/account/digest").body()).contains("No SMTP server is configured");
		assertThat(admin.getPage("/account/digest").body()).contains("SPRING_MAIL_HOST");
	}

}
