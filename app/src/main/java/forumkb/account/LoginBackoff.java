package forumkb.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Back-off after repeated failed logins for one email from one address: after
 * {@code free} failures in a row, each further attempt waits 2, 4, 8 … seconds (at most
 * 15 minutes) after the last failure. A successful login clears it. Keyed by address too,
 * so someone guessing from one address cannot lock the account's owner out everywhere
 * else (the per-address login rate limit bounds the guessing); the least recently used of
 * at most {@code maxKeys} entries are forgotten first.
 */
final class LoginBackoff {

	static final long MAX_WAIT_SECONDS = 900;

	private final int free;

	private final Clock clock;

	private final Map<String, Failures> failures;

	LoginBackoff(int free, Clock clock) {
		this(free, clock, RateLimiter.MAX_KEYS);
	}

	LoginBackoff(int free, Clock clock, int maxKeys) {
		this.free = free;
		this.clock = clock;
		this.failures = new RecentMap<>(maxKeys);
	}

	/**
	 * Seconds the email must wait before it may try again from the address, 0 when it
	 * may.
	 */
	long retryAfter(String email, String address) {
		Failures f;
		synchronized (failures) {
			f = failures.get(key(email, address));
		}
		if (f == null || f.count < free) {
			return 0;
		}
		long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count - free + 1));
		long elapsed = (clock.millis() - f.lastAt) / 1000;
		return Math.max(0, wait - elapsed);
	}

	void failed(String email, String address) {
		synchronized (failures) {
			failures.compute(key(email, address), (k, f) -> new Failures(f == null ? 1 : f.count + 1, clock.millis()));
		}
	}

	void succeeded(String email, String address) {
		synchronized (failures) {
			failures.remove(key(email, address));
		}
	}

	int keys() {
		synchronized (failures) {
			return failures.size();
		}
	}

	private static String key(String email, String address) {
		return (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) + "\n" + address;
	}

	private record Failures(int count, long lastAt) {
	}

}
