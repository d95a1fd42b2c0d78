package forumkb.index;

/**
 * A place in the change feed: the id of the transaction that wrote a thread's change,
 * then the change's number. The feed is read in this order, so a follower that remembers
 * the last position it applied resumes exactly after it (see {@link IndexFeed}).
 */
public record ChangePosition(long xid, long seq) implements Comparable<ChangePosition> {

	/** Before every change. */
	public static final ChangePosition START = new ChangePosition(0, 0);

	@Override
	public int compareTo(ChangePosition other) {
		int byWriter = Long.compare(xid, other.xid);
		return byWriter != 0 ? byWriter : Long.compare(seq, other.seq);
	}

	public boolean isAfter(ChangePosition other) {
		return compareTo(other) > 0;
	}

	/**
	 * As {@link #toString()} writes it; a bare number is a position recorded before
	 * transaction ids were.
	 */
	public static ChangePosition parse(String text) {
		int slash = text.indexOf('/');
		return slash < 0 ? new ChangePosition(0, Long.parseLong(text)) : new ChangePosition(
				Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
	}

	@Override
	public String toString() {
		return xid + "/" + seq;
	}
}
