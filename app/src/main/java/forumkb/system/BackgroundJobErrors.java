package forumkb.system;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * How a failed background job (index catch-up, known-issue matching, digests, feeds) is
 * logged. While the database cannot be reached every job fails at every run, twice a
 * second for the index: one line saying so, at most every {@link #QUIET_MILLIS}, instead
 * of a stack trace per run (dozens during a restart of the embedded PostgreSQL). Any
 * other failure is an error with its stack trace, as before; the jobs run again on their
 * schedule either way.
 */
@Component
class BackgroundJobErrors implements ThreadPoolTaskSchedulerCustomizer, ErrorHandler {

	static final long QUIET_MILLIS = 30_000;

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobErrors.class);

	private final AtomicLong lastUnreachable = new AtomicLong();

	@Override
	public void customize(ThreadPoolTaskScheduler scheduler) {
		scheduler.setErrorHandler(this);
	}

	@Override
	public void handleError(Throwable failure) {
		if (!DatabaseFailures.unreachable(failure)) {
			log.error("Background job failed; it runs again on its schedule", failure);
			return;
		}
		long now = System.currentTimeMillis();
		long last = lastUnreachable.get();
		if (now - last >= QUIET_MILLIS && lastUnreachable.compareAndSet(last, now)) {
			log.warn("Background jobs wait: the database cannot be reached ({}); they run again on their schedule",
					failure.getMessage() == null ? failure.getClass().getSimpleName()
							: firstLine(failure.getMessage()));
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

}
