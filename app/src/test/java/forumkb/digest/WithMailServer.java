package forumkb.digest;

import forumkb.HttpClientSupport;
import forumkb.digest.Subscribers.Subscriber;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application and one GreenMail SMTP server for the digest tests (the same
 * configuration, so Spring starts the application once for all of them). Each test's
 * subscribers unsubscribe afterwards, so the runs of one test send nothing to another's,
 * and the mail server is up again for the next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "forumkb.base-url=http://digest.example/")
abstract class WithMailServer {

	static final MailServer MAIL = new MailServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", MAIL::port);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DigestRunner runner;

	@AfterEach
	void everyoneUnsubscribes() {
		jdbc.update("update digest_subscription set status = 'UNSUBSCRIBED'");
		if (!MAIL.running()) {
			MAIL.start();
		}
	}

	HttpClientSupport anonymous() {
		return new HttpClientSupport(port);
	}

	Map<String, Object> subscription(Subscriber subscriber) {
		return jdbc.queryForMap("select * from digest_subscription where user_id = ?", subscriber.account().getId());
	}

	Map<String, Object> delivery(Subscriber subscriber) {
		return jdbc.queryForMap("select d.* from digest_delivery d join digest_subscription s "
				+ "on s.id = d.subscription_id where s.user_id = ?", subscriber.account().getId());
	}

	long digests(Subscriber subscriber) {
		return MAIL.digests(subscriber.email());
	}

}
