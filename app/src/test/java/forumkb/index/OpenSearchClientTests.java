package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		return answering(status,
				"{\"error\":{\"type\":\"es_rejected_execution_exception\"},\"status\":%d}".formatted(status));
	}

	OpenSearchClient answering(int status, String answer) throws IOException {
		cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		cluster.createContext("/", exchange -> {
			byte[] body = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		cluster.start();
		return new OpenSearchClient("http://127.0.0.1:" + cluster.getAddress().getPort(), "", "");
	}

	/** A multi-search the cluster answers 200 with one of its searches refused. */
	private OpenSearchClient refusingOneSearch(int status) throws IOException {
		return answering(200, """
				{"took":1,"responses":[{"hits":{"total":{"value":3}},"status":200},
				{"error":{"type":"es_rejected_execution_exception"},"status":%d}]}""".formatted(status));
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

	@ParameterizedTest
	@ValueSource(ints = { 429, 502, 503, 504 })
	void aBusyClusterRefusingOneOfSeveralSearchesIsTheSearchServiceUnavailable(int status) throws IOException {
		OpenSearchClient client = refusingOneSearch(status);
		assertThatThrownBy(() -> OpenSearchClient.answer(client.searchAsync("threads", List.of(Map.of(), Map.of()))))
			.isInstanceOf(ServiceUnavailableException.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 500 })
	void oneOfSeveralSearchesRefusedIsAnError(int status) throws IOException {
		OpenSearchClient client = refusingOneSearch(status);
		assertThatThrownBy(() -> OpenSearchClient.answer(client.searchAsync("threads", List.of(Map.of(), Map.of()))))
			.isInstanceOfSatisfying(OpenSearchClient.OpenSearchException.class,
					refused -> assertThat(refused.status()).isEqualTo(status));
	}

	@Test
	void severalSearchesAnswerInTheirOrder() throws IOException {
		OpenSearchClient client = answering(200, """
				{"took":1,"responses":[{"hits":{"total":{"value":3}},"status":200},
				{"hits":{"total":{"value":1}},"status":200}]}""");
		assertThat(OpenSearchClient.answer(client.searchAsync("threads", List.of(Map.of(), Map.of())))
			.stream()
			.map(answer -> answer.path("hits").path("total").path("value").asInt())).containsExactly(3, 1);
		assertThatThrownBy(() -> OpenSearchClient.answer(client.searchAsync("threads", List.of(Map.of()))))
			.isInstanceOf(OpenSearchClient.OpenSearchException.class)
			.hasMessageContaining("2 of 1 searches");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 500 })
	void aRefusedRequestStaysAnError(int status) throws IOException {
		OpenSearchClient client = answering(status);
		assertThatThrownBy(() -> client.send("POST", "threads/_search", Map.of())).isInstanceOfSatisfying(
				OpenSearchClient.OpenSearchException.class, refused -> assertThat(refused.status()).isEqualTo(status));
	}

}
