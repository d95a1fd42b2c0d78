package forumkb.account;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.Browser;
import forumkb.TestAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * X-Forwarded-For names the client only when a configured proxy sends it: here 127.0.0.1
 * is the proxy, and a client on ::1 is anyone else. Rate limits and the login back-off
 * then key on the address the proxy vouched for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.remoteip.internal-proxies=127.0.0.1/32", "forumkb.rate-limit.triage=3",
				"forumkb.login.free-failures=2" })
class ForwardedAddressTests {

	final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	int triage(String host, String forwardedFor) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/triage"))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", forwardedFor)
					.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"NSURLErrorDomain -1200\"}"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aClientThatIsNoProxyCannotPickItsAddress() {
		for (int i = 1; i <= 3; i++) {
			assertThat(triage("[::1]", "203.0.113." + i)).isEqualTo(200);
		}
		assertThat(triage("[::1]", "203.0.113.4")).isEqualTo(429);
	}

	@Test
	void theConfiguredProxyNamesTheClient() {
		for (int i = 0; i < 3; i++) {
			assertThat(triage("127.0.0.1", "198.51.100.1")).isEqualTo(200);
		}
		assertThat(triage("127.0.0.1", "198.51.100.1")).isEqualTo(429);
		assertThat(triage("127.0.0.1", "198.51.100.2")).isEqualTo(200);
	}

	@Test
	void theOwnerSignsInFromElsewhereWhileAnotherAddressIsBackedOff() {
		Account owner = TestAccounts.account(application, Role.DEVELOPER);
		Browser attacker = new Browser(port).header("X-Forwarded-For", "203.0.113.66");
		for (int i = 0; i < 3; i++) {
			attacker.postForm("/login", "username", owner.getEmail(), "password", "not the password");
		}
		assertThat(attacker.postForm("/login", "username", owner.getEmail(), "password", TestAccounts.PASSWORD)
			.statusCode()).isEqualTo(429);

		HttpResponse<String> signedIn = new Browser(port).header("X-Forwarded-For", "198.51.100.66")
			.postForm("/login", "username", owner.getEmail(), "password", TestAccounts.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

}
