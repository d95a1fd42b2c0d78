package forumkb.digest;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every few minutes ({@code forumkb.digest.check-interval}) for digests that are
 * due, rather than firing at the cron time itself: each subscriber's send time falls at
 * another instant by their time zone, and a node that was down at a send time catches up.
 * Not in command-line runs; {@code forumkb.digest.scheduled=false} turns it off (tests
 * that drive runs).
 */
@Component
@Profile("!cli")
@ConditionalOnProperty(name = "forumkb.digest.scheduled", havingValue = "true", matchIfMissing = true)
class DigestSchedule {

	private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

	private final DigestRunner runner;

	private final Clock clock = Clock.systemUTC();

	DigestSchedule(DigestRunner runner) {
		this.runner = runner;
	}

	@Scheduled(fixedDelayString = "${forumkb.digest.check-interval:PT5M}",
			initialDelayString = "${forumkb.digest.initial-delay:PT1M}")
	void runDue() {
		try {
			DigestRunner.RunResult result = runner.runDue(clock.instant());
			if (!result.outcomes().isEmpty()) {
				log.info("Digest run: {}", result.outcomes());
			}
		}
		catch (RuntimeException e) {
			log.error("Digest run failed; the next one picks up where it stopped", e);
		}
	}

}
