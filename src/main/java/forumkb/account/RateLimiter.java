package forumkb.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (an IP address or an account): {@code capacity}
 * requests at once, refilled evenly over {@code period}. One node's memory is enough for
 * login and sign-up; several nodes would each limit on their own.
 */
final class RateLimiter {

    private final int capacity;
    private final double refillPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1");
        }
        this.capacity = capacity;
        this.refillPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
    }

    /** Takes one request for the key: 0 when allowed, else the seconds until one is. */
    long acquire(String key) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        long now = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
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
