package forumkb.ingest;

import forumkb.system.CommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code ingest PATH|URL…}: files, folders (recursively) and globs, or http(s) URLs.
 * Prints created / updated / unchanged / failed with each failure's item and reason, and
 * exits 1 when any item failed.
 */
@Component
class IngestCommand implements CommandLine.Command {

	private final IngestService ingest;

	private final UrlFetcher fetcher;

	private final IngestErrorRepository errors;

	private final PrintStream out = System.out;

	IngestCommand(IngestService ingest, UrlFetcher fetcher, IngestErrorRepository errors) {
		this.ingest = ingest;
		this.fetcher = fetcher;
		this.errors = errors;
	}

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public String usage() {
		return "ingest PATH|GLOB|URL…   ingest files, folders, globs or URLs";
	}

	@Override
	public int run(String[] args) {
		if (args.length == 0) {
			System.err.println("usage: " + usage());
			return 2;
		}
		List<IngestInput> inputs = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (String arg : args) {
			collect(arg, inputs, unreadable);
		}
		long started = System.nanoTime();
		ProgressBar bar = new ProgressBar(System.err);
		IngestRun run = ingest.ingest(args.length == 1 ? args[0] : args.length + " inputs", inputs, bar::show);
		bar.done();
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf("Ingested %d input%s in %.1f s: %d created, %d updated, %d unchanged, %d failed%n", inputs.size(),
				inputs.size() == 1 ? "" : "s", seconds, run.getCreated(), run.getUpdated(), run.getUnchanged(),
				run.getFailed() + unreadable.size());
		List<IngestError> failures = errors.findByRunIdOrderById(run.getId());
		if (!failures.isEmpty() || !unreadable.isEmpty()) {
			out.println("Failures:");
			unreadable.forEach(line -> out.println("  " + line));
			failures.forEach(error -> out.println("  " + error.getItem() + ": " + error.getReason()));
		}
		boolean failed = run.getFailed() > 0 || !unreadable.isEmpty() || IngestRun.FAILED.equals(run.getStatus());
		return failed ? 1 : 0;
	}

	private void collect(String arg, List<IngestInput> inputs, List<String> unreadable) {
		if (arg.startsWith("http://") || arg.startsWith("https://")) {
			try {
				inputs.add(fetcher.fetch(arg));
			}
			catch (UrlFetcher.FetchException e) {
				unreadable.add(arg + ": " + e.getMessage());
			}
			return;
		}
		Path path = Path.of(arg);
		try {
			if (Files.isDirectory(path)) {
				try (Stream<Path> files = Files.walk(path)) {
					files.filter(Files::isRegularFile)
						.sorted()
						.forEach(file -> inputs.add(IngestInput.ofFile(file, null)));
				}
			}
			else if (Files.isRegularFile(path)) {
				inputs.add(IngestInput.ofFile(path, null));
			}
			else if (isGlob(arg)) {
				List<Path> matches = glob(arg);
				if (matches.isEmpty()) {
					unreadable.add(arg + ": no file matches");
				}
				matches.forEach(file -> inputs.add(IngestInput.ofFile(file, null)));
			}
			else {
				unreadable.add(arg + ": no such file or folder");
			}
		}
		catch (IOException e) {
			unreadable.add(arg + ": cannot be read: " + e.getMessage());
		}
	}

	private static boolean isGlob(String arg) {
		return arg.contains("*") || arg.contains("?") || arg.contains("[");
	}

	/**
	 * Expands a glob the shell did not (it was quoted), from its first fixed folder down.
	 */
	private static List<Path> glob(String pattern) throws IOException {
		int firstWildcard = pattern.length();
		for (char wildcard : new char[] { '*', '?', '[' }) {
			int at = pattern.indexOf(wildcard);
			if (at >= 0) {
				firstWildcard = Math.min(firstWildcard, at);
			}
		}
		int slash = pattern.lastIndexOf('/', firstWildcard);
		Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(slash, 1)));
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		try (Stream<Path> files = Files.walk(base)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> matcher.matches(slash < 0 ? base.relativize(file) : file))
				.sorted()
				.toList();
		}
	}

}
