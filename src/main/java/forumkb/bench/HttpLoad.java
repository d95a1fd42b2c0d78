package forumkb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Concurrent clients against {@code GET /api/search} on loopback: each client thread has
 * its own HttpClient and sends a fixed number of requests back to back, so the load is
 * bounded. Client {@code c}'s {@code i}-th request carries query {@code c + i * clients},
 * so together the clients cycle through the whole list evenly.
 */
final class HttpLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Latencies of the 200 answers, every other status counted, and the wall time. */
    record Result(Latencies latencies, Map<Integer, Integer> failures, double seconds, int requests) {
        double throughput() {
            return requests / seconds;
        }
    }

    private final List<URI> uris;

    HttpLoad(int port, List<String> queries) {
        this.uris = queries.stream().map(query -> URI.create("http://127.0.0.1:" + port + "/api/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).toList();
    }

    /** The longest request URI, which must stay under the server's request header limit. */
    int longestUri() {
        return uris.stream().mapToInt(uri -> uri.toString().length()).max().orElse(0);
    }

    Result run(int clients, int requestsPerClient) throws InterruptedException {
        List<Client> running = new ArrayList<>(clients);
        List<Thread> threads = new ArrayList<>(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(uris, c, clients, requestsPerClient, new Latencies(), new TreeMap<>());
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(client));
            running.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies latencies = new Latencies();
        Map<Integer, Integer> failures = new TreeMap<>();
        for (Client client : running) {
            latencies.addAll(client.latencies);
            client.failures.forEach((status, count) -> failures.merge(status, count, Integer::sum));
        }
        return new Result(latencies, failures, (System.nanoTime() - start) / 1e9, clients * requestsPerClient);
    }

    /** One client: its own connection pool, its own samples; status 0 means an I/O failure. */
    private record Client(List<URI> uris, int first, int stride, int requests, Latencies latencies,
            Map<Integer, Integer> failures) implements Runnable {

        @Override
        public void run() {
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build()) {
                for (int i = 0; i < requests; i++) {
                    HttpRequest request = HttpRequest.newBuilder(uris.get((first + i * stride) % uris.size()))
                            .timeout(TIMEOUT).GET().build();
                    long start = System.nanoTime();
                    int status = send(http, request);
                    if (status == 200) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            }
        }

        private static int send(HttpClient http, HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }
}
