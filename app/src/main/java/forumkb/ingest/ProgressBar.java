package forumkb.ingest;

import java.io.PrintStream;

/** A one-line progress bar on a terminal; silent when output is not a terminal. */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintStream terminal;

	private final boolean enabled;

	private final long startedAt = System.nanoTime();

	private boolean shown;

	ProgressBar(PrintStream terminal) {
		this.terminal = terminal;
		this.enabled = System.console() != null;
	}

	void show(IngestRun run) {
		if (!enabled || run.getTotal() == 0) {
			return;
		}
		double seconds = Math.max((System.nanoTime() - startedAt) / 1e9, 0.001);
		int done = run.getProcessed();
		int total = Math.max(run.getTotal(), done);
		int filled = (int) Math.round(WIDTH * (double) done / total);
		terminal.printf("\r[%s%s] %,d threads (%,.0f/s), %d failed ", "#".repeat(filled), " ".repeat(WIDTH - filled),
				done, done / seconds, run.getFailed());
		shown = true;
	}

	void done() {
		if (shown) {
			terminal.println();
		}
	}

}
