package forumkb.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Account;
import forumkb.account.AccountService;
import forumkb.account.Role;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribers made the way people make them: the settings form, then the link in the
 * confirmation mail.
 */
public final class Subscribers {

	private Subscribers() {
	}

	public record Subscriber(Account account, HttpClientSupport http) {
		public String email() {
			return account.getEmail();
		}
	}

	static Subscriber account(ApplicationContext application, int port, Role role) {
		Account account = TestAccounts.account(application, role);
		String token = application.getBean(AccountService.class).createToken("test", account, "test").secret();
		return new Subscriber(account, new HttpClientSupport(port, token));
	}

	/**
	 * Posts the settings form; {@code settings} are form fields (tags, errorCodes,
	 * timeZone, skipEmpty …).
	 */
	static HttpClientSupport.Response save(Subscriber subscriber, Map<String, String> settings) {
		String form = settings.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return subscriber.http().send("POST", "/account/digest", "application/x-www-form-urlencoded", form);
	}

	/**
	 * Subscribes, waits for the confirmation mail, follows its link: an ACTIVE
	 * subscription.
	 */
	public static Subscriber subscribed(ApplicationContext application, int port, MailServer mail, Role role,
			Map<String, String> settings) {
		Subscriber subscriber = account(application, port, role);
		assertThat(save(subscriber, settings).status()).isEqualTo(200);
		MimeMessage confirmation = awaitMail(mail, subscriber.email(), 1).getFirst();
		HttpClientSupport anonymous = new HttpClientSupport(port);
		assertThat(anonymous
			.send("POST", "/digest/confirm", "application/x-www-form-urlencoded",
					"token=" + MailServer.token(confirmation))
			.body()).contains("Your weekly digest is on");
		return subscriber;
	}

	static List<MimeMessage> awaitMail(MailServer mail, String address, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> mail.to(address).size() >= count);
		return mail.to(address);
	}

	public static Map<String, String> settings(String... namesAndValues) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			settings.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return settings;
	}

	/**
	 * Says every subscription was confirmed at {@code at}: tests send the digests of past
	 * weeks, and a subscription confirmed after a week's send time does not get that
	 * week.
	 */
	static void confirmedAt(JdbcTemplate jdbc, Instant at) {
		jdbc.update("update digest_subscription set confirmed_at = ? where confirmed_at is not null",
				Timestamp.from(at));
	}

	/**
	 * Two weeks back: its send time (the Monday after, in any time zone) is safely past.
	 */
	static IsoWeek pastWeek() {
		return IsoWeek.containing(Instant.now(), ZoneOffset.UTC).previous().previous();
	}

	/**
	 * Tuesday of the week in UTC: after every zone's send time of the week before, before
	 * this week's.
	 */
	static Instant midWeek(IsoWeek week) {
		return week.monday().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The week's send time in UTC with the default cron (Monday 08:00 after the week).
	 */
	static Instant sendTime(IsoWeek week) {
		return week.next().monday().atTime(8, 0).toInstant(ZoneOffset.UTC);
	}

}
