package forumkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import forumkb.account.Role;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the application under test: JSON, multipart uploads; with a personal
 * API token sent as {@code Authorization: Bearer} on every request when one is given.
 * Redirects are not followed.
 */
public final class HttpClientSupport {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	public HttpClientSupport(int port) {
		this(port, null);
	}

	public HttpClientSupport(int port, String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	/**
	 * An ENGINEER's client: a new engineer account and token in the application's
	 * database.
	 */
	public static HttpClientSupport asEngineer(ApplicationContext application, int port) {
		return new HttpClientSupport(port, TestAccounts.token(application, Role.ENGINEER));
	}

	public record Response(int status, String body, String contentType, HttpHeaders headers) {
		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}
	}

	public Response get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * GET as a browser asks for a page: error pages come as HTML, not as the JSON error
	 * body.
	 */
	public Response getPage(String path) {
		return send(request(path).header("Accept", "text/html").GET().build());
	}

	public Response postJson(String path, String json) {
		return send("POST", path, "application/json", json);
	}

	/** Any method, with a body of the given type (both may be null). */
	public Response send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = request(path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(
				request
					.method(method,
							body == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(body))
					.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	/** Uploads files as multipart part "files": alternating names and contents. */
	public Response upload(String path, Object... namesAndContents) {
		String boundary = "forumkb-" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < namesAndContents.length; i += 2) {
			String name = (String) namesAndContents[i];
			byte[] content = namesAndContents[i + 1] instanceof byte[] bytes ? bytes
					: namesAndContents[i + 1].toString().getBytes(StandardCharsets.UTF_8);
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
