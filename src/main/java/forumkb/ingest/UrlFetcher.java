package forumkb.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a document to ingest over HTTP(S), with timeouts and a size cap, keeping the
 * response's content type as a hint for format detection.
 */
@Component
public class UrlFetcher {

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    UrlFetcher(@Value("${forumkb.ingest.fetch-timeout}") Duration timeout,
            @Value("${forumkb.ingest.max-bytes}") long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
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
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, application/rss+xml, application/atom+xml, text/html, text/plain, */*")
                .header("User-Agent", "forumkb-ingest/1.0")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FetchException(url + " answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new FetchException(url + " is too large: " + declared + " bytes, the limit is " + maxBytes);
                }
                byte[] bytes = readCapped(body, url);
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                return IngestInput.ofBytes(url, bytes, contentType, null);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(url + " could not be reached: connection timed out");
        } catch (HttpTimeoutException e) {
            throw new FetchException(url + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new FetchException(url + " could not be reached: connection refused");
        } catch (UnknownHostException e) {
            throw new FetchException(url + " could not be reached: unknown host " + uri.getHost());
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url + " fetch was interrupted");
        }
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
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new FetchException("not an http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException("not a valid URL: " + url);
        }
    }
}
