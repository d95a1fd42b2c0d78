package forumkb.digest;

import static forumkb.digest.Subscribers.settings;
import static org.assertj.core.api.Assertions.assertThat;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exactly once across a restart in the middle of a run. The first application sends two
 * digests, claims a third and dies while building it, and dies a fourth time while
 * handing one to SMTP; the fifth subscriber was not reached. A second application on the
 * same database then runs, twice, and alongside it an admin's "send now" and a second run
 * at once: every subscriber has exactly one digest, except the one interrupted mid-SMTP,
 * which is never sent again by itself (at-most-once) but is shown to the admin, who sends
 * it.
 */
class DigestRestartTests {

	static final MailServer MAIL = new MailServer();

	static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(ForumkbApplication.class).run("--server.port=0",
				"--forumkb.embedded.ephemeral=false", "--forumkb.embedded.data-dir=" + data,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + MAIL.port());
	}

	static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@Test
	void aRunThatDiedHalfWayIsFinishedByTheNextWithoutSendingAnyDigestTwice(@TempDir Path data) throws Exception {
		IsoWeek week = Subscribers.pastWeek();
		Instant died = Subscribers.sendTime(week).plus(Duration.ofMinutes(5));
		List<Subscriber> subscribers = new ArrayList<>();
		try (ConfigurableApplicationContext first = start(data)) {
			for (int i = 0; i < 5; i++) {
				subscribers.add(Subscribers.subscribed(first, port(first), MAIL, Role.DEVELOPER, settings()));
			}
			Subscribers.confirmedAt(first.getBean(JdbcTemplate.class), Subscribers.midWeek(week));
			DigestSender sender = first.getBean(DigestSender.class);
			DeliveryRepository deliveries = first.getBean(DeliveryRepository.class);
			SubscriptionRepository subscriptions = first.getBean(SubscriptionRepository.class);
			List<Subscription> active = subscriptions.active();
			assertThat(active).hasSize(5);

			assertThat(sender.deliver(active.get(0), week, false, died)).isEqualTo(DigestSender.Outcome.SENT);
			assertThat(sender.deliver(active.get(1), week, false, died)).isEqualTo(DigestSender.Outcome.SENT);
			// Died while building the third: the claim is committed, nothing reached
			// SMTP.
			assertThat(deliveries.claim(active.get(2).id(), week, false, died, died)).isPresent();
			// Died while handing the fourth to SMTP: whether it arrived is unknown.
			DeliveryRepository.Claim fourth = deliveries.claim(active.get(3).id(), week, false, died, died)
				.orElseThrow();
			assertThat(deliveries.markSending(fourth)).isTrue();
		}
		for (int i = 0; i < 5; i++) {
			assertThat(MAIL.digests(subscribers.get(i).email())).isEqualTo(i < 2 ? 1 : 0);
		}

		try (ConfigurableApplicationContext second = start(data)) {
			DigestRunner runner = second.getBean(DigestRunner.class);
			Instant after = died.plus(Duration.ofMinutes(20));

			DigestRunner.RunResult result = runner.runDue(after);
			assertThat(result.count(DigestSender.Outcome.SENT)).as("the one not reached and the stale claim")
				.isEqualTo(2);
			runner.runDue(after.plus(Duration.ofMinutes(5)));
			CompletableFuture<DigestRunner.RunResult> one = CompletableFuture.supplyAsync(() -> runner.runDue(after));
			CompletableFuture<DigestRunner.RunResult> other = CompletableFuture
				.supplyAsync(() -> runner.sendNow(week, after));
			assertThat(one.get().count(DigestSender.Outcome.SENT) + other.get().count(DigestSender.Outcome.SENT))
				.isZero();
			assertThat(List.of(0, 1, 2, 4))
				.allSatisfy(i -> assertThat(MAIL.digests(subscribers.get(i).email())).isEqualTo(1));
			assertThat(MAIL.digests(subscribers.get(3).email())).as("interrupted mid-SMTP: not sent again by itself")
				.isZero();

			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			long interrupted = jdbc.queryForObject(
					"select d.id from digest_delivery d join digest_subscription s "
							+ "on s.id = d.subscription_id where s.user_id = ? and d.status = 'SENDING'",
					Long.class, subscribers.get(3).account().getId());
			HttpClientSupport admin = new HttpClientSupport(port(second), TestAccounts.token(second, Role.ADMIN));
			assertThat(admin.get("/admin/digest").body()).contains("interrupted while sending")
				.contains("/admin/digest/deliveries/" + interrupted + "/resend");
			assertThat(admin.send("POST", "/admin/digest/deliveries/" + interrupted + "/resend", null, null).status())
				.isEqualTo(302);
			Response sent = admin.send("POST", "/admin/digest/send", "application/x-www-form-urlencoded",
					"week=" + week);
			assertThat(sent.status()).isEqualTo(302);
			assertThat(subscribers).allSatisfy(subscriber -> assertThat(MAIL.digests(subscriber.email())).isEqualTo(1));
			assertThat(jdbc.queryForObject("select count(*) from digest_delivery where status = 'SENT'", Integer.class))
				.isEqualTo(5);
		}
	}

}
