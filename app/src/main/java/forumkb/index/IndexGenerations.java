package forumkb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The index folder holds generations ({@code gen-…} folders) and a {@code CURRENT} file
 * naming the live one. A rebuild writes a new generation beside the live one and then
 * replaces {@code CURRENT} atomically, so search never sees a half-built index.
 */
final class IndexGenerations {

	private static final String CURRENT = "CURRENT";

	private final Path root;

	IndexGenerations(Path root) {
		this.root = root;
	}

	/** The live generation's folder, or null when there is none yet. */
	Path current() {
		Path pointer = root.resolve(CURRENT);
		try {
			if (!Files.exists(pointer)) {
				return null;
			}
			Path generation = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
			return Files.isDirectory(generation) ? generation : null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path create() {
		try {
			Files.createDirectories(root);
			return Files
				.createDirectory(root.resolve("gen-" + System.currentTimeMillis() + "-" + System.nanoTime() % 1000));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void makeCurrent(Path generation) {
		try {
			Path temp = root.resolve(CURRENT + ".tmp");
			Files.writeString(temp, generation.getFileName().toString(), StandardCharsets.UTF_8);
			Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Removes every generation but the live one (best effort: an open one is removed
	 * later).
	 */
	void removeStale() {
		Path live = current();
		try (Stream<Path> children = Files.list(root)) {
			children.filter(path -> path.getFileName().toString().startsWith("gen-"))
				.filter(path -> !path.equals(live))
				.forEach(IndexGenerations::deleteQuietly);
		}
		catch (IOException e) {
			// Nothing to clean up now; the next rebuild tries again.
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// Left for the next clean-up.
		}
	}

}
