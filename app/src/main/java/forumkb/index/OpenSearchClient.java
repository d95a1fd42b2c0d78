package forumkb.index;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import forumkb.system.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP and JSON to the OpenSearch cluster: its address and credentials come from
 * the settings ({@code forumkb.search.opensearch.*}, by environment
 * {@code FORUMKB_OPENSEARCH_URL}, {@code _USERNAME}, {@code _PASSWORD}). A cluster that
 * cannot be reached, or answers that it cannot serve now, is a
 * {@link ServiceUnavailableException}: searches and triage answer 503 until it is back.
 */
@Component
@ConditionalOnProperty(name = "forumkb.search.backend", havingValue = "opensearch")
public class OpenSearchClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** What a user reads when the cluster cannot answer. */
	public static final String UNAVAILABLE = "the search service is unavailable; try again in a minute";

	/**
	 * The cluster's own answers for "not now": its search queue full (429, many searches
	 * at once), no node to answer, or none ready.
	 */
	private static final Set<Integer> NOT_NOW = Set.of(429, 502, 503, 504);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI url;

	private final String authorization;

	OpenSearchClient(@Value("${forumkb.search.opensearch.url}") String url,
			@Value("${forumkb.search.opensearch.username:}") String username,
			@Value("${forumkb.search.opensearch.password:}") String password) {
		this.url = URI.create(url.endsWith("/") ? url : url + "/");
		this.authorization = username.isEmpty() ? null
				: "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
	}

	/** A refusal of the cluster: its status and what it said. */
	public static final class OpenSearchException extends RuntimeException {

		private final int status;

		OpenSearchException(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

	public JsonMapper json() {
		return json;
	}

	/** Sends a JSON body (or none when null) and reads the JSON answer. */
	public JsonNode send(String method, String path, Object body) {
		String text = body == null ? null : body instanceof String string ? string : json.writeValueAsString(body);
		return json.readTree(exchange(method, path, text, "application/json"));
	}

	/**
	 * Sends a JSON body and reads the JSON answer without waiting for it: requests the
	 * node can answer side by side are sent together. {@link #answer} waits.
	 */
	public CompletableFuture<JsonNode> sendAsync(String method, String path, Object body) {
		String text = json.writeValueAsString(body);
		return http.sendAsync(request(method, path, text, "application/json"), BodyHandlers.ofByteArray())
			.handle((response, failure) -> {
				if (failure != null) {
					throw unreachable(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
				}
				return read(method, path, response);
			});
	}

	/**
	 * Sends searches of {@code index} in one request ({@code _msearch}) without waiting
	 * for them: the node runs them side by side, as it would separate requests, at the
	 * cost of one. The answers come in the order of the searches; a search the node
	 * refused fails them all, as its own request would have failed.
	 */
	public CompletableFuture<List<JsonNode>> searchAsync(String index, List<?> searches) {
		StringBuilder lines = new StringBuilder();
		for (Object search : searches) {
			lines.append("{}\n").append(json.writeValueAsString(search)).append('\n');
		}
		String path = index + "/_msearch";
		return http
			.sendAsync(request("POST", path, lines.toString(), "application/x-ndjson"), BodyHandlers.ofByteArray())
			.handle((response, failure) -> {
				if (failure != null) {
					throw unreachable(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
				}
				List<JsonNode> answers = new ArrayList<>(searches.size());
				for (JsonNode answer : read("POST", path, response).path("responses")) {
					if (answer.has("error")) {
						body("POST", path, new Answer(answer.path("status").asInt(500), answer.toString()));
					}
					answers.add(answer);
				}
				if (answers.size() != searches.size()) {
					throw new OpenSearchException(500, "OpenSearch answered " + answers.size() + " of "
							+ searches.size() + " searches to POST " + path);
				}
				return answers;
			});
	}

	/** The answer of a request sent by {@link #sendAsync}, waited for and read. */
	public static <T> T answer(CompletableFuture<T> answer) {
		try {
			return answer.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	/** Sends newline-delimited JSON to the bulk API. */
	public JsonNode bulk(String path, String lines) {
		return json.readTree(exchange("POST", path, lines, "application/x-ndjson"));
	}

	/** Whether {@code path} (an index or an alias) exists. */
	public boolean exists(String path) {
		try {
			exchange("HEAD", path, null, "application/json");
			return true;
		}
		catch (OpenSearchException e) {
			if (e.status() == 404) {
				return false;
			}
			throw e;
		}
	}

	private String exchange(String method, String path, String body, String contentType) {
		try {
			return body(method, path,
					http.send(request(method, path, body, contentType), BodyHandlers.ofString(UTF_8)));
		}
		catch (IOException e) {
			throw unreachable(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
		}
	}

	private HttpRequest request(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
			.timeout(TIMEOUT)
			.header("Content-Type", contentType)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request.build();
	}

	/**
	 * The answer read from its bytes, as the parser reads them without a string made
	 * first, or the refusal it says.
	 */
	private JsonNode read(String method, String path, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status >= 300) {
			body(method, path, new Answer(status, new String(response.body(), UTF_8)));
		}
		return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
	}

	/** The answer's body, or the refusal it says. */
	private String body(String method, String path, HttpResponse<String> response) {
		return body(method, path, new Answer(response.statusCode(), response.body()));
	}

	private String body(String method, String path, Answer response) {
		if (NOT_NOW.contains(response.statusCode())) {
			throw new ServiceUnavailableException(UNAVAILABLE, new OpenSearchException(response.statusCode(),
					"OpenSearch at " + url + " answered " + response.statusCode() + ": " + response.body()));
		}
		if (response.statusCode() >= 300) {
			throw new OpenSearchException(response.statusCode(), "OpenSearch answered " + response.statusCode() + " to "
					+ method + " " + path + ": " + response.body());
		}
		return response.body().isEmpty() ? "{}" : response.body();
	}

	/** A status and a body: an HTTP answer's, or one search's in a multi-search. */
	private record Answer(int statusCode, String body) {
	}

	private ServiceUnavailableException unreachable(Throwable cause) {
		IOException io = cause instanceof IOException e ? e : new IOException(cause);
		return new ServiceUnavailableException(UNAVAILABLE,
				new UncheckedIOException("OpenSearch at " + url + " cannot be reached", io));
	}

}
