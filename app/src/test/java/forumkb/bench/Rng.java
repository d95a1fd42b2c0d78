package forumkb.bench;

import java.util.SplittableRandom;

/**
 * The generator's only source of randomness. SplittableRandom is specified down to the
 * algorithm, so a seed yields the same corpus on every JVM, and it is cheaper than
 * java.util.Random (no synchronisation).
 */
final class Rng {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final SplittableRandom random;

	Rng(long seed) {
		this.random = new SplittableRandom(seed);
	}

	int below(int bound) {
		return random.nextInt(bound);
	}

	/** Inclusive on both ends, as ranges in the vocabularies are written. */
	int between(int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	long between(long min, long max) {
		return random.nextLong(min, max + 1);
	}

	boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	<T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	/** Index drawn with the given relative weights. */
	int weighted(int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/**
	 * Appends {@code digits} lowercase hex digits, the shape of addresses and thread ids.
	 */
	void hex(StringBuilder out, int digits) {
		for (int i = 0; i < digits; i++) {
			out.append(HEX[random.nextInt(16)]);
		}
	}

}
