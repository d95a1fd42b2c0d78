package forumkb.thread;

import java.util.List;
import java.util.Set;

/**
 * Which threads a reader follows: any of the tags, frameworks, APIs or error codes (lower
 * case, compared with the lower-cased normalised entity values), or any of the threads
 * named by id (known issues' threads, which their owner supplies). {@code all} lets every
 * thread through.
 */
public record ThreadFilter(boolean all, List<String> tags, List<String> frameworks, List<String> apis,
		List<String> codes, Set<Long> threadIds) {

	public ThreadFilter {
		tags = List.copyOf(tags);
		frameworks = List.copyOf(frameworks);
		apis = List.copyOf(apis);
		codes = List.copyOf(codes);
		threadIds = Set.copyOf(threadIds);
	}

}
