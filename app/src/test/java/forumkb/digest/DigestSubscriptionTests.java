package forumkb.digest;

import static forumkb.digest.Subscribers.settings;
import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport.Response;
import forumkb.account.Role;
import forumkb.digest.Subscribers.Subscriber;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subscribing is double opt-in, and every digest's unsubscribe link works in one click
 * without signing in and only for the subscription it was made for.
 */
class DigestSubscriptionTests extends WithMailServer {

	static final String FORM = "application/x-www-form-urlencoded";

	@Test
	void nothingIsSentUntilTheLinkInTheConfirmationMailIsFollowedAndAnOldLinkConfirmsNothing() {
		IsoWeek week = Subscribers.pastWeek();
		Subscriber subscriber = Subscribers.account(application, port, Role.DEVELOPER);
		Response saved = Subscribers.save(subscriber, settings("tags", "XPC, CallKit", "timeZone", "Europe/Paris"));
		assertThat(saved.body()).contains("We sent a confirmation link to " + subscriber.email());
		assertThat(subscription(subscriber).get("status")).isEqualTo("PENDING");
		MimeMessage confirmation = Subscribers.awaitMail(MAIL, subscriber.email(), 1).getFirst();
		String token = MailServer.token(confirmation);
		assertThat(MailServer.text(confirmation, "text/plain")).contains("/digest/confirm?token=" + token);

		jdbc.update("update digest_subscription set confirmed_at = ? where user_id = ?",
				java.sql.Timestamp.from(Subscribers.midWeek(week)), subscriber.account().getId());
		runner.runDue(Subscribers.sendTime(week).plus(Duration.ofHours(2)));
		assertThat(digests(subscriber)).as("pending: no digest").isZero();

		Response page = anonymous().get("/digest/confirm?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(subscription(subscriber).get("status")).as("a GET (a link scanner) confirms nothing")
			.isEqualTo("PENDING");
		assertThat(anonymous().send("POST", "/digest/confirm", FORM, "token=" + token).body())
			.contains("Your weekly digest is on");
		assertThat(subscription(subscriber).get("status")).isEqualTo("ACTIVE");
		assertThat(subscriber.http().get("/account/digest").body()).contains("XPC, CallKit").contains("Europe/Paris");

		assertThat(subscriber.http().send("POST", "/account/digest/unsubscribe", null, null).status()).isEqualTo(302);
		Subscribers.save(subscriber, settings("tags", "XPC"));
		assertThat(subscription(subscriber).get("status")).isEqualTo("PENDING");
		assertThat(anonymous().send("POST", "/digest/confirm", FORM, "token=" + token).body())
			.contains("Nothing to confirm");
		assertThat(subscription(subscriber).get("status")).as("the first link is spent").isEqualTo("PENDING");
		String second = MailServer.token(Subscribers.awaitMail(MAIL, subscriber.email(), 2).get(1));
		assertThat(second).isNotEqualTo(token);
		anonymous().send("POST", "/digest/confirm", FORM, "token=" + second);
		assertThat(subscription(subscriber).get("status")).isEqualTo("ACTIVE");
	}

	@Test
	void theUnsubscribeLinkWorksInOneClickAndATamperedOneIsAClear400() throws Exception {
		IsoWeek week = Subscribers.pastWeek();
		Subscriber subscriber = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings());
		Subscriber other = Subscribers.subscribed(application, port, MAIL, Role.DEVELOPER, settings());
		Subscribers.confirmedAt(jdbc, Subscribers.midWeek(week));
		runner.runDue(Subscribers.sendTime(week).plus(Duration.ofMinutes(1)));
		MimeMessage digest = Subscribers.awaitMail(MAIL, subscriber.email(), 2).get(1);
		String header = digest.getHeader("List-Unsubscribe", null);
		String url = header.substring(1, header.length() - 1);
		String path = url.substring(url.indexOf("/digest/unsubscribe"));
		String token = path.substring(path.indexOf("token=") + "token=".length());
		assertThat(MailServer.text(digest, "text/plain")).contains("Unsubscribe: " + url);
		assertThat(MailServer.text(digest, "text/html")).contains("href=\"" + url + "\"");

		String[] parts = token.split("\\.");
		long otherId = (Long) subscription(other).get("id");
		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("unsubscribe." + otherId).getBytes(StandardCharsets.UTF_8));
		String confirmPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("confirm." + subscription(subscriber).get("id") + ".1").getBytes(StandardCharsets.UTF_8));
		String confirmationToken = MailServer.token(MAIL.to(subscriber.email()).getFirst());
		List<String> tampered = List.of(otherPayload + "." + parts[1], confirmPayload + "." + parts[1],
				confirmationToken, parts[0] + "." + flip(parts[1]), parts[0], "", "not-a-token", token + "x");
		for (String forged : tampered) {
			Response page = anonymous().get("/digest/unsubscribe?token=" + forged);
			assertThat(page.status()).as(forged).isEqualTo(400);
			assertThat(page.body()).contains("This unsubscribe link is not valid.");
			assertThat(
					anonymous().send("POST", "/digest/unsubscribe?token=" + forged, FORM, "List-Unsubscribe=One-Click")
						.status())
				.as(forged)
				.isEqualTo(400);
		}
		assertThat(subscription(subscriber).get("status")).isEqualTo("ACTIVE");
		assertThat(subscription(other).get("status")).isEqualTo("ACTIVE");

		Response page = anonymous().get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Unsubscribe from the weekly digest");
		assertThat(subscription(subscriber).get("status")).as("a GET unsubscribes nobody").isEqualTo("ACTIVE");

		Response oneClick = anonymous().send("POST", path, FORM, "List-Unsubscribe=One-Click");
		assertThat(oneClick.status()).isEqualTo(200);
		assertThat(oneClick.body()).contains("No more weekly digests to " + subscriber.email());
		assertThat(subscription(subscriber).get("status")).isEqualTo("UNSUBSCRIBED");
		assertThat(subscription(other).get("status")).isEqualTo("ACTIVE");
		assertThat(anonymous().send("POST", path, FORM, "List-Unsubscribe=One-Click").status()).as("twice is fine")
			.isEqualTo(200);

		runner.runDue(Subscribers.sendTime(week.next()).plus(Duration.ofMinutes(1)));
		assertThat(digests(subscriber)).isEqualTo(1);
		assertThat(digests(other)).isEqualTo(2);
	}

	static String flip(String signature) {
		char last = signature.charAt(0);
		return (last == 'A' ? 'B' : 'A') + signature.substring(1);
	}

}
