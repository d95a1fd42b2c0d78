package forumkb.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after repeated failed logins for one email: after {@code free} failures in a
 * row, each further attempt waits 2, 4, 8 … seconds (at most 15 minutes) after the last
 * failure. A successful login clears it.
 */
final class LoginBackoff {

    static final long MAX_WAIT_SECONDS = 900;

    private final int free;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginBackoff(int free, Clock clock) {
        this.free = free;
        this.clock = clock;
    }

    /** Seconds the email must wait before it may try again, 0 when it may. */
    long retryAfter(String email) {
        Failures f = failures.get(key(email));
        if (f == null || f.count < free) {
            return 0;
        }
        long wait = Math.min(MAX_WAIT_SECONDS, 1L << Math.min(20, f.count - free + 1));
        long elapsed = (clock.millis() - f.lastAt) / 1000;
        return Math.max(0, wait - elapsed);
    }

    void failed(String email) {
        if (failures.size() > 100_000) {
            failures.clear();
        }
        failures.compute(key(email), (k, f) -> new Failures(f == null ? 1 : f.count + 1, clock.millis()));
    }

    void succeeded(String email) {
        failures.remove(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, long lastAt) {
    }
}
