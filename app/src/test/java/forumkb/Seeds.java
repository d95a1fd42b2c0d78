package forumkb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real page dumps the parser was built on (-Dforumkb.seeds, by default
 * ../shared/seeds). They are not part of the repository: tests that read them are skipped
 * where they are absent, and the same behaviours are covered by our own dumps under
 * src/test/resources/fixtures.
 */
public final class Seeds {

	private Seeds() {
	}

	public static Path dir() {
		return Path.of(System.getProperty("forumkb.seeds", "../shared/seeds"));
	}

	/** Skips the calling test, with the reason, when the real pages are not there. */
	public static void assumePresent() {
		assumeTrue(Files.isDirectory(dir()), "real seed pages not found at " + dir() + " (set -Dforumkb.seeds)");
	}

	public static Path file(String prefix) {
		assumePresent();
		try (var files = Files.list(dir())) {
			return files.filter(path -> path.getFileName().toString().startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no seed " + prefix + "* in " + dir()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
