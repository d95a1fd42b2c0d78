package forumkb.search;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Searches that run at once; the rest wait their turn in arrival order. A search is CPU
 * work: with more running than cores, each takes proportionally longer, and a slow one (a
 * pasted log) holds every other back; queued, a quick search waits only for the ones
 * ahead of it. A search waiting on another machine (the OpenSearch node) gives its turn
 * up meanwhile, as waiting uses no core here, and queues again for the rest of its work.
 */
@Component
class SearchTurns {

	private final Semaphore running;

	/** Whether this thread's search holds a turn now. */
	private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

	SearchTurns(@Value("${forumkb.search.concurrency:0}") int concurrency) {
		this.running = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
	}

	/** Runs a search in its turn. */
	<T> T take(Supplier<T> search) {
		running.acquireUninterruptibly();
		holding.set(true);
		try {
			return search.get();
		}
		finally {
			holding.set(false);
			running.release();
		}
	}

	/**
	 * Waits for another machine's answer without holding a turn; outside a search's turn
	 * (triage, similar threads) it just waits.
	 */
	<T> T away(Supplier<T> wait) {
		if (!holding.get()) {
			return wait.get();
		}
		holding.set(false);
		running.release();
		try {
			return wait.get();
		}
		finally {
			running.acquireUninterruptibly();
			holding.set(true);
		}
	}

}
