package forumkb.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Concurrent clients against {@code GET /api/search} on loopback: each client thread
 * keeps one HTTP/1.1 connection alive and sends a fixed number of requests back to back,
 * so the load is bounded. Client {@code c}'s {@code i}-th request carries query
 * {@code c + i * clients}, so together the clients cycle through the whole list evenly.
 *
 * <p>
 * A plain blocking socket, like {@code wrk}'s: the clients share the server's two cores,
 * and the JDK's HttpClient (a selector thread and an executor per client, futures per
 * request) spent more CPU per request than the server did.
 */
final class HttpLoad {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final int TIMEOUT_MILLIS = (int) Duration.ofSeconds(60).toMillis();

	/**
	 * Latencies of the 200 answers per query (by its position in the list), every other
	 * status counted, the wall time, the clients' own CPU time and the body bytes read.
	 */
	record Result(List<Latencies> perQuery, Map<Integer, Integer> failures, double seconds, int requests,
			long clientCpuNanos, long bodyBytes) {
		double throughput() {
			return requests / seconds;
		}

		/** Every 200 answer's latency. */
		Latencies latencies() {
			return ofQueries(query -> true);
		}

		/** The latencies of the queries whose position passes {@code test}. */
		Latencies ofQueries(IntPredicate test) {
			Latencies selected = new Latencies();
			for (int i = 0; i < perQuery.size(); i++) {
				if (test.test(i)) {
					selected.addAll(perQuery.get(i));
				}
			}
			return selected;
		}
	}

	private final int port;

	private final List<byte[]> requests;

	private final int longestTarget;

	HttpLoad(int port, List<String> queries) {
		this.port = port;
		List<String> targets = queries.stream()
			.map(query -> "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.toList();
		this.requests = targets.stream()
			.map(target -> ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nAccept: application/json\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII))
			.toList();
		this.longestTarget = targets.stream().mapToInt(String::length).max().orElse(0);
	}

	/**
	 * The longest request target, which must stay under the server's request header
	 * limit.
	 */
	int longestUri() {
		return longestTarget;
	}

	Result run(int clients, int requestsPerClient) throws InterruptedException {
		List<Client> running = new ArrayList<>(clients);
		List<Thread> threads = new ArrayList<>(clients);
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Client client = new Client(c, clients, requestsPerClient);
			threads.add(Thread.ofPlatform().name("bench-client-" + c).start(client));
			running.add(client);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<Latencies> perQuery = new ArrayList<>();
		for (int q = 0; q < requests.size(); q++) {
			perQuery.add(new Latencies());
		}
		Map<Integer, Integer> failures = new TreeMap<>();
		long clientCpu = 0;
		long bodyBytes = 0;
		for (Client client : running) {
			client.perQuery.forEach((query, samples) -> perQuery.get(query).addAll(samples));
			client.failures.forEach((status, count) -> failures.merge(status, count, Integer::sum));
			clientCpu += client.cpuNanos;
			bodyBytes += client.bodyBytes;
		}
		return new Result(perQuery, failures, (System.nanoTime() - start) / 1e9, clients * requestsPerClient, clientCpu,
				bodyBytes);
	}

	/** One client: its own connection, its own samples; status 0 means an I/O failure. */
	private final class Client implements Runnable {

		private final int first;

		private final int stride;

		private final int count;

		private final Map<Integer, Latencies> perQuery = new TreeMap<>();

		private final Map<Integer, Integer> failures = new TreeMap<>();

		private Connection connection;

		private volatile long cpuNanos;

		private long bodyBytes;

		Client(int first, int stride, int count) {
			this.first = first;
			this.stride = stride;
			this.count = count;
		}

		@Override
		public void run() {
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			try {
				for (int i = 0; i < count; i++) {
					int query = (first + i * stride) % requests.size();
					long start = System.nanoTime();
					int status = send(requests.get(query));
					if (status == 200) {
						perQuery.computeIfAbsent(query, unused -> new Latencies()).add(System.nanoTime() - start);
					}
					else {
						failures.merge(status, 1, Integer::sum);
					}
				}
			}
			finally {
				close();
				cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
			}
		}

		private int send(byte[] request) {
			try {
				if (connection == null) {
					connection = new Connection(port);
				}
				Response response = connection.exchange(request);
				bodyBytes += response.bodyBytes();
				if (!response.keepAlive()) {
					close();
				}
				return response.status();
			}
			catch (IOException e) {
				close();
				return 0;
			}
		}

		private void close() {
			if (connection != null) {
				connection.close();
				connection = null;
			}
		}

	}

	record Response(int status, boolean keepAlive, int bodyBytes) {
	}

	/**
	 * One kept-alive HTTP/1.1 connection; reads each response whole, fixed-length or
	 * chunked.
	 */
	static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final byte[] sink = new byte[64 * 1024];

		Connection(int port) throws IOException {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			out = socket.getOutputStream();
		}

		Response exchange(byte[] request) throws IOException {
			out.write(request);
			out.flush();
			String statusLine = line();
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP response: " + statusLine);
			}
			int status = Integer.parseInt(parts[1]);
			long length = -1;
			boolean chunked = false;
			boolean keepAlive = parts[0].equals("HTTP/1.1");
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.contains("chunked");
					case "connection" -> keepAlive = !value.contains("close");
					default -> {
						// other headers do not frame the body
					}
				}
			}
			long body = chunked ? chunkedBody() : discard(Math.max(0, length));
			return new Response(status, keepAlive && (chunked || length >= 0), (int) body);
		}

		private long chunkedBody() throws IOException {
			long total = 0;
			while (true) {
				String size = line();
				int extension = size.indexOf(';');
				long chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
				if (chunk == 0) {
					while (!line().isEmpty()) {
						// trailers
					}
					return total;
				}
				total += discard(chunk);
				line();
			}
		}

		/**
		 * Reads and drops {@code bytes} of body. Reads, not {@code skip}: a socket stream
		 * skips through a 2 KB buffer, a system call each, which cost the clients more
		 * CPU than the server spent on the search.
		 */
		private long discard(long bytes) throws IOException {
			long left = bytes;
			while (left > 0) {
				int read = in.read(sink, 0, (int) Math.min(left, sink.length));
				if (read < 0) {
					throw new EOFException("connection closed inside a response body");
				}
				left -= read;
			}
			return bytes;
		}

		/** A header line without its CRLF. */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new EOFException("connection closed inside a response");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@Override
		public void close() {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing a connection that failed already
			}
		}

	}

}
