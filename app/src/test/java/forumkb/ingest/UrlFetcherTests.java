package forumkb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URL ingest fetches public addresses only: against a real HTTP server on loopback, every
 * spelling of loopback is refused unless allowed, at every redirect, and a failure never
 * tells a closed port from a silent one. Other internal ranges are checked as addresses,
 * without sending them anything.
 */
class UrlFetcherTests {

	static HttpServer server;
	static int port;
	static final AtomicInteger documentsServed = new AtomicInteger();
	static final CountDownLatch released = new CountDownLatch(1);

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/doc", exchange -> {
			documentsServed.incrementAndGet();
			byte[] body = "{\"title\": \"Served\", \"posts\": [{\"body\": \"hello\"}]}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/to-loopback", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/doc");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		server.createContext("/to-ipv6-loopback", exchange -> {
			exchange.getResponseHeaders().add("Location", "http://[::1]:" + port + "/doc");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		server.createContext("/relative", exchange -> {
			exchange.getResponseHeaders().add("Location", "/doc");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		server.createContext("/gone", exchange -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.createContext("/silent", exchange -> {
			try {
				released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		server.start();
		port = server.getAddress().getPort();
	}

	@AfterAll
	static void stop() {
		released.countDown();
		server.stop(0);
	}

	static UrlFetcher fetcher(String allowedHosts) {
		return new UrlFetcher(Duration.ofSeconds(1), 20_000, allowedHosts);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "localhost", "0.0.0.0", "2130706433", "[::1]", "[::ffff:127.0.0.1]",
			"[::127.0.0.1]", "[0:0:0:0:0:0:0:1]" })
	void everySpellingOfLoopbackIsRefusedWithoutTheAllowList(String host) throws IOException {
		String url = "http://" + host + ":" + port + "/doc";
		try (UrlFetcher fetcher = fetcher("")) {
			assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(UrlFetcher.FetchException.class)
				.hasMessage("could not fetch " + url);
		}
		assertThat(documentsServed).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "169.254.169.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
			"224.0.0.1", "255.255.255.255", "0.1.2.3", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
			"::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "::" })
	void internalRangesAreNotPublic(String address) throws IOException {
		assertThat(FetchAddresses.isPublic(InetAddress.getByName(address))).isFalse();
		assertThatThrownBy(() -> new FetchAddresses("").resolve(address))
			.isInstanceOf(FetchAddresses.RefusedAddressException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111" })
	void publicAddressesArePublic(String address) throws IOException {
		assertThat(FetchAddresses.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@Test
	void anAllowedHostIsFetchedButNotARedirectOutOfTheAllowList() throws IOException {
		try (UrlFetcher byName = fetcher("localhost"); UrlFetcher byRange = fetcher("127.0.0.0/8")) {
			int before = documentsServed.get();
			assertThat(byName.fetch("http://localhost:" + port + "/doc").bytes()).isNotEmpty();
			assertThat(byName.fetch("http://localhost:" + port + "/relative").bytes()).isNotEmpty();
			assertThat(documentsServed.get() - before).isEqualTo(2);

			String toLoopback = "http://localhost:" + port + "/to-loopback";
			assertThatThrownBy(() -> byName.fetch(toLoopback)).hasMessage("could not fetch " + toLoopback);
			String toIpv6 = "http://127.0.0.1:" + port + "/to-ipv6-loopback";
			assertThatThrownBy(() -> byRange.fetch(toIpv6)).hasMessage("could not fetch " + toIpv6);
			assertThat(documentsServed.get() - before).isEqualTo(2);
		}
	}

	@Test
	void aClosedPortAndASilentServerFailAlike() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (UrlFetcher fetcher = fetcher("127.0.0.1")) {
			for (String url : new String[] { "http://127.0.0.1:" + closedPort + "/doc",
					"http://127.0.0.1:" + port + "/silent" }) {
				assertThatThrownBy(() -> fetcher.fetch(url)).hasMessage("could not fetch " + url);
			}
			String gone = "http://127.0.0.1:" + port + "/gone";
			assertThatThrownBy(() -> fetcher.fetch(gone)).hasMessage("could not fetch " + gone + ": HTTP 404");
		}
	}

}
