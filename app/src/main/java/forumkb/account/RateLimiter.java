package forumkb.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * In-memory token buckets, one per key (an IP address or an account): {@code capacity}
 * requests at once, refilled evenly over {@code period}. One node's memory is enough for
 * login and sign-up; several nodes would each limit on their own. At most {@code maxKeys}
 * buckets are kept, the least recently used forgotten first.
 */
final class RateLimiter {

	/** About 10 MB of buckets at most. */
	static final int MAX_KEYS = 100_000;

	private final int capacity;

	private final double refillPerNano;

	private final Clock clock;

	private final Map<String, Bucket> buckets;

	RateLimiter(int capacity, Duration period, Clock clock) {
		this(capacity, period, clock, MAX_KEYS);
	}

	RateLimiter(int capacity, Duration period, Clock clock, int maxKeys) {
		if (capacity < 1) {
			throw new IllegalArgumentException("a rate limit needs a capacity of at least 1");
		}
		this.capacity = capacity;
		this.refillPerNano = capacity / (double) period.toNanos();
		this.clock = clock;
		this.buckets = new RecentMap<>(maxKeys);
	}

	/** Takes one request for the key: 0 when allowed, else the seconds until one is. */
	long acquire(String key) {
		long now = clock.millis() * 1_000_000L;
		synchronized (buckets) {
			Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
			bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerNano);
			bucket.at = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
		}
	}

	int keys() {
		synchronized (buckets) {
			return buckets.size();
		}
	}

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

}
