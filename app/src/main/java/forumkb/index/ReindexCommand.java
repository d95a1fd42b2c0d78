package forumkb.index;

import forumkb.system.CommandLine;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * {@code reindex}: builds a fresh index generation from PostgreSQL and names it current;
 * a running server switches to it within a second.
 */
@Component
class ReindexCommand implements CommandLine.Command {

	private final ThreadIndex index;

	ReindexCommand(ThreadIndex index) {
		this.index = index;
	}

	@Override
	public String name() {
		return "reindex";
	}

	@Override
	public String usage() {
		return "reindex                 rebuild the search index from the database";
	}

	@Override
	public int run(String[] args) {
		long started = System.nanoTime();
		try {
			int documents = index.rebuild();
			System.out.printf("Indexed %,d threads in %.1f s%n", documents, (System.nanoTime() - started) / 1e9);
			return 0;
		}
		catch (IOException e) {
			System.err.println("Reindex failed: " + e.getMessage());
			return 1;
		}
	}

}
