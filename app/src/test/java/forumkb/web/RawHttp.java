package forumkb.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, one connection per request: what a hostile client sends and
 * {@link java.net.http.HttpClient} refuses to (a target with {@code %zz}, any header, a
 * body of any type or length, chunked or not).
 */
final class RawHttp {

	record Answer(int status, Map<String, String> headers, String body) {
		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/**
	 * {@code headers}: name, value, name, value…; {@code body} may be null; chunked sends
	 * it in two chunks.
	 */
	Answer send(String method, String target, byte[] body, boolean chunked, String... headers) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder(
					method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			if (body != null) {
				head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
			}
			try {
				write(socket.getOutputStream(), head.append("\r\n").toString(), body, chunked);
			}
			catch (java.net.SocketException answeredEarly) {
				// The server may answer (413, 400) and close before the whole request is
				// sent.
			}
			return read(socket.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(method + " " + abbreviate(target), e);
		}
	}

	Answer get(String target, String... headers) {
		return send("GET", target, null, false, headers);
	}

	private static void write(OutputStream out, String head, byte[] body, boolean chunked) throws IOException {
		out.write(head.getBytes(StandardCharsets.UTF_8));
		if (body != null && chunked) {
			int half = body.length / 2;
			chunk(out, body, 0, half);
			chunk(out, body, half, body.length - half);
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		else if (body != null) {
			out.write(body);
		}
		out.flush();
	}

	private static void chunk(OutputStream out, byte[] body, int from, int length) throws IOException {
		if (length > 0) {
			out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, from, length);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[16_384];
		try {
			for (int n; (n = in.read(buffer)) > 0;) {
				all.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException resetAfterAnswer) {
			// The server may close a connection whose body it did not read once it has
			// answered.
		}
		byte[] bytes = all.toByteArray();
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("no complete answer: " + abbreviate(text));
		}
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = end + 4;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			for (int size; at < bytes.length; at += size + 2) {
				int lineEnd = text.indexOf("\r\n", at);
				size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
				at = lineEnd + 2;
				if (size == 0) {
					break;
				}
				body.write(bytes, at, Math.min(size, bytes.length - at));
			}
		}
		else {
			body.write(bytes, at, bytes.length - at);
		}
		return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
	}

	static String abbreviate(String text) {
		return text.length() <= 120 ? text : text.substring(0, 120) + "…";
	}

}
