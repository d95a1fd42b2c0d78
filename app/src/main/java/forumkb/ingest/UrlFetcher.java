package forumkb.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a document to ingest over HTTP(S), with timeouts and a size cap, keeping the
 * response's content type as a hint for format detection. Only public addresses are
 * fetched, at every redirect ({@link FetchAddresses}); a failure says "could not fetch"
 * and the HTTP status if there was one, never why a connection failed, so ingest cannot
 * be used to tell open ports from closed ones.
 */
@Component
public class UrlFetcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UrlFetcher.class);

	private static final int MAX_REDIRECTS = 5;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final CloseableHttpClient client;

	private final FetchAddresses addresses;

	private final long maxBytes;

	UrlFetcher(@Value("${forumkb.ingest.fetch-timeout}") Duration timeout,
			@Value("${forumkb.ingest.max-bytes}") long maxBytes,
			@Value("${forumkb.ingest.allowed-hosts:}") String allowedHosts) {
		this.maxBytes = maxBytes;
		this.addresses = new FetchAddresses(allowedHosts);
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(addresses)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("forumkb-ingest/1.0")
			.build();
	}

	/** Thrown with a message fit to show the user. */
	public static final class FetchException extends IOException {

		public FetchException(String message) {
			super(message);
		}

	}

	public IngestInput fetch(String url) throws FetchException {
		URI uri = parse(url);
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpGet request = new HttpGet(uri);
			request.setHeader("Accept",
					"application/json, application/rss+xml, application/atom+xml, text/html, text/plain, */*");
			try {
				// Checked before the request too: an address literal may never reach the
				// resolver.
				addresses.resolve(uri.getHost());
				URI current = uri;
				Fetched fetched = client.execute(request, response -> read(response, current, url));
				if (fetched.redirect() == null) {
					return fetched.input();
				}
				uri = fetched.redirect();
			}
			catch (FetchException e) {
				throw e;
			}
			catch (IOException e) {
				log.info("Could not fetch {} (at {}): {}", url, uri, e.toString());
				throw new FetchException("could not fetch " + url);
			}
		}
		throw new FetchException("could not fetch " + url + ": more than " + MAX_REDIRECTS + " redirects");
	}

	/** The document, or where a redirect points. */
	private record Fetched(IngestInput input, URI redirect) {
	}

	private Fetched read(ClassicHttpResponse response, URI uri, String url) throws IOException {
		int status = response.getCode();
		Header location = response.getFirstHeader("Location");
		if (REDIRECTS.contains(status) && location != null) {
			try {
				return new Fetched(null, checked(uri.resolve(new URI(location.getValue().strip())), url));
			}
			catch (URISyntaxException | IllegalArgumentException e) {
				throw new FetchException("could not fetch " + url + ": HTTP " + status + " to an invalid location");
			}
		}
		if (status / 100 != 2) {
			throw new FetchException("could not fetch " + url + ": HTTP " + status);
		}
		HttpEntity entity = response.getEntity();
		if (entity != null && entity.getContentLength() > maxBytes) {
			throw new FetchException(
					url + " is too large: " + entity.getContentLength() + " bytes, the limit is " + maxBytes);
		}
		byte[] bytes = entity == null ? new byte[0] : readCapped(entity.getContent(), url);
		return new Fetched(IngestInput.ofBytes(url, bytes, entity == null ? null : entity.getContentType(), null),
				null);
	}

	private byte[] readCapped(InputStream body, String url) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 << 16];
		int read;
		while ((read = body.read(buffer)) >= 0) {
			out.write(buffer, 0, read);
			if (out.size() > maxBytes) {
				throw new FetchException(url + " is too large: more than " + maxBytes + " bytes");
			}
		}
		return out.toByteArray();
	}

	private static URI parse(String url) throws FetchException {
		if (url == null || url.isBlank()) {
			throw new FetchException("no URL given");
		}
		try {
			return checked(new URI(url.strip()), url);
		}
		catch (URISyntaxException e) {
			throw new FetchException("not a valid URL: " + url);
		}
	}

	private static URI checked(URI uri, String url) throws FetchException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new FetchException("not an http(s) URL: " + url);
		}
		return uri;
	}

	@Override
	public void close() throws IOException {
		client.close();
	}

}
