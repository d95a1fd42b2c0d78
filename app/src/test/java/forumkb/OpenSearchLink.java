package forumkb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's way to the test JVM's OpenSearch node ({@link OpenSearchNode}): a
 * plain TCP relay on 127.0.0.1 that a test can {@link #cut()}, so that the application
 * cannot reach its search service, and {@link #restore()}. While cut, open connections
 * are closed and new ones closed as soon as they arrive.
 */
public final class OpenSearchLink {

	private static ServerSocket relay;

	private static volatile boolean cut;

	private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();

	private OpenSearchLink() {
	}

	/**
	 * The relay's address, started on first call; skips the caller where no node runs.
	 */
	public static synchronized URI url() {
		URI node = OpenSearchNode.url();
		if (relay == null) {
			try {
				relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			Thread.ofVirtual().name("opensearch-relay").start(() -> accept(node));
		}
		return URI.create("http://127.0.0.1:" + relay.getLocalPort());
	}

	/** From now on the node cannot be reached through the relay. */
	public static void cut() {
		cut = true;
		OPEN.forEach(OpenSearchLink::close);
	}

	public static void restore() {
		cut = false;
	}

	private static void accept(URI node) {
		while (true) {
			Socket client;
			try {
				client = relay.accept();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (cut) {
				close(client);
				continue;
			}
			try {
				Socket server = new Socket(node.getHost(), node.getPort());
				OPEN.add(client);
				OPEN.add(server);
				Thread.ofVirtual().start(() -> pipe(client, server));
				Thread.ofVirtual().start(() -> pipe(server, client));
			}
			catch (IOException nodeGone) {
				// The node stopped (the JVM is ending): the app sees its connection
				// closed at once. Left open, a request waited for its whole timeout,
				// and the test JVM's exit with it (surefire killed it after 30 s).
				close(client);
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException closedOrCut) {
			// This side is gone; the other one is closed with it.
			OPEN.remove(from);
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		OPEN.remove(socket);
		try {
			socket.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
