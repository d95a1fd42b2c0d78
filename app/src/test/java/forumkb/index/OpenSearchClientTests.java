package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import forumkb.InFirstJvm;
import forumkb.system.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster's "not now" answers become the search service's 503 (with its retry), for
 * the blocking and the side-by-side requests alike; a refusal of the request itself stays
 * an error. Against a real HTTP server on loopback answering as a busy cluster does.
 */
@InFirstJvm
class OpenSearchClientTests {

	HttpServer cluster;

	@AfterEach
	void stop() {
		cluster.stop(0);
	}

	OpenSearchClient answering(int status) throws IOException {
		return answering(status, exchange -> {
		});
	}

	OpenSearchClient answering(int status, Consumer<HttpExchange> asked) throws IOException {
		cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		cluster.createContext("/", exchange -> {
			asked.accept(exchange);
			byte[] body = "{\"error\":{\"type\":\"es_rejected_execution_exception\"},\"status\":%d}".formatted(status)
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		cluster.start();
		return new OpenSearchClient("http://127.0.0.1:" + cluster.getAddress().getPort(), "", "");
	}

	/**
	 * 429: the node's search queue is full (many searches at once), 502–504: no node
	 * ready to answer.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 429, 502, 503, 504 })
	void aBusyOrMissingClusterIsTheSearchServiceUnavailable(int status) throws IOException {
		OpenSearchClient client = answering(status);
		assertThatThrownBy(() -> client.send("POST", "threads/_search", Map.of()))
			.isInstanceOf(ServiceUnavailableException.class);
		assertThatThrownBy(() -> OpenSearchClient.answer(client.sendAsync("POST", "threads/_search", Map.of())))
			.isInstanceOf(ServiceUnavailableException.class);
	}

	/**
	 * Plain HTTP/1.1, without the offer to upgrade to HTTP/2 (h2c) that OpenSearch takes:
	 * over HTTP/2 every search shares one connection and one of the node's network
	 * threads.
	 */
	@Test
	void theClusterIsAskedInHttp11WithoutAnUpgrade() throws IOException {
		List<String> asked = new CopyOnWriteArrayList<>();
		OpenSearchClient client = answering(200, exchange -> asked
			.add(exchange.getProtocol() + " upgrade=" + exchange.getRequestHeaders().getFirst("Upgrade")));
		client.send("GET", "threads/_mapping", null);
		client.send("POST", "threads/_search", Map.of());
		OpenSearchClient.answer(client.sendAsync("POST", "threads/_search", Map.of()));
		assertThat(asked).containsOnly("HTTP/1.1 upgrade=null").hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 500 })
	void aRefusedRequestStaysAnError(int status) throws IOException {
		OpenSearchClient client = answering(status);
		assertThatThrownBy(() -> client.send("POST", "threads/_search", Map.of())).isInstanceOfSatisfying(
				OpenSearchClient.OpenSearchException.class, refused -> assertThat(refused.status()).isEqualTo(status));
	}

}
