package forumkb.index.highlight;

import java.util.Arrays;

/**
 * A passage chosen to show: the matches it shows, as start and end offsets in the text,
 * the first {@link #window()} of them the window it was chosen for. It spans at most
 * {@link #from()} to {@link #to()}; cutting that at words, which needs the text, may end
 * it before the last matches beyond the window.
 */
public final class Passage {

	private final int[] offsets;

	private final int window;

	Passage(int[] offsets, int window) {
		if (offsets.length == 0 || offsets.length % 2 != 0 || window < 1 || window * 2 > offsets.length) {
			throw new IllegalArgumentException("not a passage: " + Arrays.toString(offsets) + " window " + window);
		}
		this.offsets = offsets;
		this.window = window;
	}

	/** How many matches it shows at most. */
	public int size() {
		return offsets.length / 2;
	}

	/** How many of its first matches made it the best. */
	public int window() {
		return window;
	}

	public int start(int match) {
		return offsets[match * 2];
	}

	public int end(int match) {
		return offsets[match * 2 + 1];
	}

	/** Where it may start at most: some context before its first match. */
	public int from() {
		return Passages.from(start(0));
	}

	/** Where it may end at most: past its window's last match, or its full length. */
	public int to() {
		return Passages.to(start(0), end(window - 1));
	}

	/**
	 * As plain numbers, {@code window:start-end,start-end…}: how the OpenSearch
	 * highlighter returns it, since forum text is untrusted and never comes back marked
	 * up.
	 */
	public String encode() {
		StringBuilder out = new StringBuilder().append(window).append(':');
		for (int i = 0; i < size(); i++) {
			out.append(i == 0 ? "" : ",").append(start(i)).append('-').append(end(i));
		}
		return out.toString();
	}

	/** The passage {@link #encode()} wrote. */
	public static Passage decode(String encoded) {
		try {
			int colon = encoded.indexOf(':');
			String[] matches = encoded.substring(colon + 1).split(",");
			int[] offsets = new int[matches.length * 2];
			for (int i = 0; i < matches.length; i++) {
				int dash = matches[i].indexOf('-');
				offsets[i * 2] = Integer.parseInt(matches[i].substring(0, dash));
				offsets[i * 2 + 1] = Integer.parseInt(matches[i].substring(dash + 1));
			}
			return new Passage(offsets, Integer.parseInt(encoded.substring(0, colon)));
		}
		catch (IndexOutOfBoundsException | NumberFormatException e) {
			throw new IllegalArgumentException("not a passage: " + encoded, e);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Passage passage && passage.window == window && Arrays.equals(passage.offsets, offsets);
	}

	@Override
	public int hashCode() {
		return 31 * window + Arrays.hashCode(offsets);
	}

	@Override
	public String toString() {
		return encode();
	}

}
