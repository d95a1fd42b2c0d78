package forumkb.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter and the login back-off keep at most their cap of keys however many
 * addresses arrive, without forgetting the client they are limiting right now; the
 * back-off holds one address's guesses against that address only.
 */
class AbuseLimitsTests {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
	static final int CAP = 100;

	@Test
	void theLimiterStaysWithinItsCapWhileTheHeavyClientStaysLimited() {
		RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), NOW, CAP);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("203.0.113.9")).isZero();
		}
		for (int i = 0; i < 10_000; i++) {
			limiter.acquire("2001:db8::" + Integer.toHexString(i));
			if (i % 50 == 0) {
				assertThat(limiter.acquire("203.0.113.9")).as("after %d other addresses", i).isPositive();
			}
			assertThat(limiter.keys()).isLessThanOrEqualTo(CAP);
		}
		assertThat(limiter.acquire("203.0.113.9")).isPositive();
	}

	@Test
	void oneAddresssFailedLoginsDoNotLockTheOwnerOutElsewhere() {
		LoginBackoff backoff = new LoginBackoff(5, NOW, CAP);
		for (int i = 0; i < 6; i++) {
			backoff.failed("Owner@example.org", "203.0.113.9");
		}
		assertThat(backoff.retryAfter("owner@example.org", "203.0.113.9")).isPositive();
		assertThat(backoff.retryAfter("owner@example.org", "198.51.100.7")).isZero();

		for (int i = 0; i < 10_000; i++) {
			backoff.failed("someone-" + i + "@example.org", "2001:db8::" + Integer.toHexString(i));
			if (i % 50 == 0) {
				backoff.failed("owner@example.org", "203.0.113.9");
			}
			assertThat(backoff.keys()).isLessThanOrEqualTo(CAP);
		}
		assertThat(backoff.retryAfter("owner@example.org", "203.0.113.9")).isPositive();
	}

}
