package forumkb.digest;

import static forumkb.digest.Subscribers.settings;
import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real SMTP server (GreenMail): an SMTP outage is retried with
 * back-off and delivered once when the server is back; each subscriber's send time is in
 * their own time zone.
 */
class DigestDeliveryTests extends WithMailServer {

	@Test
	void smtpDownIsRetriedWithBackOffShownToAdminsAndDeliveredOnceWhenItIsBack() {
		IsoWeek week = Subscribers.pastWeek();
		Subscriber subscriber = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings());
		Subscribers.confirmedAt(jdbc, Subscribers.midWeek(week));
		Instant first = Subscribers.sendTime(week).plus(Duration.ofMinutes(1));
		MAIL.stop();

		assertThat(runner.runDue(first).count(DigestSender.Outcome.FAILED)).isEqualTo(1);
		Map<String, Object> failed = delivery(subscriber);
		assertThat(failed.get("status")).isEqualTo("FAILED");
		assertThat(failed.get("attempts")).isEqualTo(1);
		assertThat(failed.get("last_error").toString()).contains("MailSendException");
		assertThat(((java.sql.Timestamp) failed.get("next_attempt_at")).toInstant())
			.isEqualTo(first.plus(Duration.ofMinutes(5)));

		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		Response page = admin.get("/admin/digest");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(subscriber.email()).contains("FAILED").contains("MailSendException");

		assertThat(runner.runDue(first.plus(Duration.ofMinutes(2))).outcomes()).as("not yet due again").isEmpty();
		runner.runDue(first.plus(Duration.ofMinutes(6)));
		assertThat(delivery(subscriber).get("attempts")).as("the second try failed too").isEqualTo(2);
		assertThat(((java.sql.Timestamp) delivery(subscriber).get("next_attempt_at")).toInstant())
			.as("back-off doubled")
			.isEqualTo(first.plus(Duration.ofMinutes(16)));

		MAIL.start();
		assertThat(runner.runDue(first.plus(Duration.ofMinutes(17))).count(DigestSender.Outcome.SENT)).isEqualTo(1);
		runner.runDue(first.plus(Duration.ofHours(3)));
		runner.sendNow(week, first.plus(Duration.ofHours(4)));

		assertThat(digests(subscriber)).isEqualTo(1);
		assertThat(delivery(subscriber).get("status")).isEqualTo("SENT");
		assertThat(delivery(subscriber).get("last_error")).isNull();
	}

	@Test
	void theSendTimeIsMondayEightInEachSubscribersTimeZone() throws Exception {
		IsoWeek week = Subscribers.pastWeek();
		Subscriber tokyo = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER,
				settings("timeZone", "Asia/Tokyo"));
		Subscriber utc = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings());
		Subscriber losAngeles = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER,
				settings("timeZone", "America/Los_Angeles"));
		Subscribers.confirmedAt(jdbc, Subscribers.midWeek(week));
		Instant mondayMidnightUtc = week.next().monday().atStartOfDay(ZoneOffset.UTC).toInstant();

		runner.runDue(mondayMidnightUtc);
		assertThat(digests(tokyo)).as("09:00 in Tokyo").isEqualTo(1);
		assertThat(digests(utc) + digests(losAngeles)).isZero();

		runner.runDue(mondayMidnightUtc.plus(Duration.ofHours(8)));
		assertThat(digests(utc)).isEqualTo(1);
		assertThat(digests(losAngeles)).as("midnight in Los Angeles").isZero();

		runner.runDue(mondayMidnightUtc.plus(Duration.ofHours(17)));
		assertThat(digests(losAngeles)).isEqualTo(1);
		assertThat(digests(tokyo) + digests(utc)).isEqualTo(2);
		assertThat(MAIL.to(tokyo.email()).get(1).getSubject()).contains(week.toString());
	}

}
