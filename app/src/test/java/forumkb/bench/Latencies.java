package forumkb.bench;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Latency samples of one measured phase; percentiles by nearest rank. Not thread-safe.
 */
final class Latencies {

	private long[] nanos = new long[256];

	private int size;

	void add(long elapsedNanos) {
		if (size == nanos.length) {
			nanos = Arrays.copyOf(nanos, size * 2);
		}
		nanos[size++] = elapsedNanos;
	}

	void addAll(Latencies other) {
		for (int i = 0; i < other.size; i++) {
			add(other.nanos[i]);
		}
	}

	/** The samples whose position (order of adding) passes {@code test}. */
	Latencies select(IntPredicate test) {
		Latencies selected = new Latencies();
		for (int i = 0; i < size; i++) {
			if (test.test(i)) {
				selected.add(nanos[i]);
			}
		}
		return selected;
	}

	int count() {
		return size;
	}

	/**
	 * The {@code percent} percentile in milliseconds (nearest rank); 0 without samples.
	 */
	double millis(double percent) {
		if (size == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(nanos, size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100 * size);
		return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1e6;
	}

	double meanMillis() {
		return size == 0 ? 0 : Arrays.stream(nanos, 0, size).average().orElse(0) / 1e6;
	}

	String summary() {
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (mean %.1f ms, n=%,d)", millis(50),
				millis(95), millis(99), millis(100), meanMillis(), size);
	}

}
