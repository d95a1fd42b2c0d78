package forumkb.index;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index generation's merge to a single segment after bulk catch-ups. A bulk import
 * leaves a dozen segments, and every search pays for each (terms looked up, scorers set
 * up per segment): at 200,000 threads ten segments to one took the search part of a query
 * from 4.1 to 2.7 ms, and the merge took 17 s. Merging waits until the catch-up is over,
 * so that an import in progress is not merged again and again, and until the threads
 * applied since the last merge are at least the threshold and a tenth of the index.
 */
final class BulkMerge {

	private static final Logger log = LoggerFactory.getLogger(BulkMerge.class);

	/** What the index does once merged, under its write lock: commit and refresh. */
	interface Merged {

		void run() throws IOException;

	}

	private final IndexWriter writer;

	private final int threshold;

	/** Threads applied since the last merge began; written by the catch-up only. */
	private long applied;

	private volatile boolean running;

	BulkMerge(IndexWriter writer, int threshold) {
		this.writer = writer;
		this.threshold = threshold;
	}

	void applied(int threads) {
		applied += threads;
	}

	/** Whether a merge runs or is due to start. */
	boolean pending() {
		return running || due();
	}

	private boolean due() {
		return applied >= Math.max(threshold, writer.getDocStats().numDocs / 10);
	}

	/** Starts a merge in the background when one is due; {@code merged} runs after it. */
	void startIfDue(Merged merged) {
		if (running || !due()) {
			return;
		}
		running = true;
		applied = 0;
		Thread.ofVirtual().name("index-merge").start(() -> {
			try {
				long started = System.nanoTime();
				writer.forceMerge(1);
				merged.run();
				log.info("Search index merged to one segment in {} s", (System.nanoTime() - started) / 1_000_000_000);
			}
			catch (IOException | RuntimeException closedMeanwhile) {
				log.debug("Search index merge ended early", closedMeanwhile);
			}
			finally {
				running = false;
			}
		});
	}

	/** Merges now, in this thread (a rebuild, before it is swapped in). */
	void now() throws IOException {
		writer.forceMerge(1);
		applied = 0;
	}

}
