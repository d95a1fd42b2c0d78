package forumkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's own HTTP client against a real server on loopback. */
class HttpLoadTests {

	private HttpServer server;

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/search", this::answer);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	/**
	 * "chunked…" answers without a length, "close…" closes the connection after it,
	 * "bad…" is refused; every other query gets a fixed-length body.
	 */
	private void answer(HttpExchange exchange) throws IOException {
		String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring(2), StandardCharsets.UTF_8);
		seen.computeIfAbsent(query, key -> new AtomicInteger()).incrementAndGet();
		byte[] body = ("{\"q\":\"" + query + "\",\"pad\":\"" + "x".repeat(20_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		if (query.startsWith("close")) {
			exchange.getResponseHeaders().set("Connection", "close");
		}
		int status = query.startsWith("bad") ? 400 : 200;
		exchange.sendResponseHeaders(status, query.startsWith("chunked") ? 0 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Test
	void everyRequestIsAnsweredOverKeptConnectionsWhateverTheFraming() throws InterruptedException {
		List<String> queries = List.of("NEFilterManager save", "chunked -9802 \"trust\"", "close xpc", "plain",
				"bad query");
		HttpLoad.Result result = new HttpLoad(server.getAddress().getPort(), queries).run(3, 10);

		assertThat(result.requests()).isEqualTo(30);
		assertThat(result.latencies().count() + result.failures().values().stream().mapToInt(Integer::intValue).sum())
			.isEqualTo(30);
		assertThat(result.failures()).containsOnlyKeys(400);
		assertThat(seen.keySet()).containsExactlyInAnyOrder("NEFilterManager save", "chunked -9802 \"trust\"",
				"close xpc", "plain", "bad query");
		assertThat(seen.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(30);
		// each query's answers are timed under its own position; the refused one has none
		for (int query = 0; query < queries.size(); query++) {
			int position = query;
			assertThat(result.ofQueries(i -> i == position).count())
				.isEqualTo(queries.get(query).startsWith("bad") ? 0 : seen.get(queries.get(query)).get());
		}
		assertThat(result.bodyBytes()).isGreaterThan(30 * 20_000L);
	}

	@Test
	void aConnectionReadsEachResponseWholeSoTheNextStartsClean() throws IOException {
		try (HttpLoad.Connection connection = new HttpLoad.Connection(server.getAddress().getPort())) {
			HttpLoad.Response chunked = connection.exchange(request("chunked"));
			HttpLoad.Response fixed = connection.exchange(request("fixed"));
			HttpLoad.Response closing = connection.exchange(request("close"));

			assertThat(chunked.status()).isEqualTo(200);
			assertThat(chunked.keepAlive()).isTrue();
			assertThat(chunked.bodyBytes()).isEqualTo(fixed.bodyBytes() + 2);
			assertThat(fixed.keepAlive()).isTrue();
			assertThat(closing.keepAlive()).isFalse();
		}
	}

	private static byte[] request(String query) {
		return ("GET /api/search?q=" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
