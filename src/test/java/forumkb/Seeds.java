package forumkb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared seed page dumps are: ../shared/seeds, or -Dforumkb.seeds. */
public final class Seeds {

    private Seeds() {
    }

    public static Path dir() {
        String configured = System.getProperty("forumkb.seeds");
        if (configured != null) {
            return Path.of(configured);
        }
        Path sibling = Path.of("..", "shared", "seeds");
        return Files.isDirectory(sibling) ? sibling : Path.of("/work/shared/seeds");
    }

    public static Path file(String prefix) {
        try (var files = Files.list(dir())) {
            return files.filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + prefix + "* in " + dir()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
