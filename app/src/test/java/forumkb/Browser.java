package forumkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping client, as a browser with a session: it reads the CSRF token from each
 * page and sends it with the forms it posts. Redirects are not followed.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final int port;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String csrf;

	public Browser(int port) {
		this.port = port;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** Sends the header with every page load and form post from now on. */
	public Browser header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	/** The CSRF token of the last page that had a form. */
	public String csrf() {
		return csrf;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * Loads the page the form is on (sign-in or sign-up; else the token page) for its
	 * token, then posts.
	 */
	public HttpResponse<String> postForm(String path, String... namesAndValues) {
		return postFormFrom(path.equals("/login") || path.equals("/signup") ? path : "/account/tokens", path,
				namesAndValues);
	}

	/** Loads {@code formPage} for its token, then posts the fields to {@code path}. */
	public HttpResponse<String> postFormFrom(String formPage, String path, String... namesAndValues) {
		get(formPage);
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		fields.put("_csrf", csrf);
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		headers.forEach(request::header);
		return request;
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return response;
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
