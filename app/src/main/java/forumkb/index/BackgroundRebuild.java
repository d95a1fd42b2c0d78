package forumkb.index;

import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rebuild of an index running on a thread of its own, one at a time, and what the admin
 * status says of it.
 */
final class BackgroundRebuild {

	private static final Logger log = LoggerFactory.getLogger(BackgroundRebuild.class);

	/** The rebuild itself, which may fail reading or writing the index. */
	interface Work {

		void run() throws IOException;

	}

	private final String threadName;

	private volatile String status = "idle";

	BackgroundRebuild(String threadName) {
		this.threadName = threadName;
	}

	/** Starts {@code work} unless a rebuild runs already; returns the state. */
	String start(Work work) {
		synchronized (this) {
			if (status.startsWith("running")) {
				return status;
			}
			status = "running since " + Instant.now();
		}
		Thread.ofVirtual().name(threadName).start(() -> {
			try {
				work.run();
				status = "idle; last rebuild finished " + Instant.now();
			}
			catch (IOException | RuntimeException e) {
				log.error("Rebuild failed", e);
				status = "idle; last rebuild failed: " + e.getMessage();
			}
		});
		return status;
	}

	String status() {
		return status;
	}

}
