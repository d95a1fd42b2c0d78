package forumkb.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Starts the embedded PostgreSQL again when its process dies, so the application serves
 * again within seconds instead of staying down until someone restarts it. Meanwhile the
 * application refuses traffic (its readiness), which the web layer answers with 503.
 */
final class EmbeddedDatabaseWatchdog implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);

	private static final Duration INTERVAL = Duration.ofMillis(500);

	private final EmbeddedDatabase database;

	private final ApplicationEventPublisher events;

	private final ScheduledExecutorService checks = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("embedded-postgres-watchdog").daemon().factory());

	private boolean down;

	EmbeddedDatabaseWatchdog(EmbeddedDatabase database, ApplicationEventPublisher events) {
		this.database = database;
		this.events = events;
		if (database.restartable()) {
			checks.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Runs on the watchdog's thread only; a failed restart is tried again at the next
	 * check.
	 */
	private void check() {
		if (!down && !database.serverDied()) {
			return;
		}
		if (!down) {
			down = true;
			log.error("The embedded PostgreSQL (pid {}) died; starting it again", database.serverPid());
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		}
		try {
			database.restart();
			down = false;
			AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
		catch (Exception e) {
			log.warn("The embedded PostgreSQL did not start yet ({}); trying again", e.getMessage());
		}
	}

	@Override
	public void close() {
		checks.shutdownNow();
	}

}
