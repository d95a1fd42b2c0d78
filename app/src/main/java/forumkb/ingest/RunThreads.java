package forumkb.ingest;

import java.util.List;

/**
 * One page of the threads an ingest run created or updated, newest thread first, linked
 * from the run's page and its API answer.
 */
public record RunThreads(long total, int page, int pageCount, List<RunThread> items) {

	static final int PAGE_SIZE = 50;

	/** A thread the run brought in: {@code created} or {@code updated}. */
	public record RunThread(long id, String title, String outcome, String url) {
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page < pageCount - 1;
	}

}
