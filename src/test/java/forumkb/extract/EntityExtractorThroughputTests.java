package forumkb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints (does not assert) single-threaded extraction speed over the eval-dev corpus post bodies;
 * the target is ≥ 20,000 posts/s on 1–2 KB posts. Set FORUMKB_CORPUS to measure another JSON Lines file.
 */
class EntityExtractorThroughputTests {

    private static final Path DEFAULT_CORPUS = Path.of("/work/shared/eval-dev/corpus.jsonl");

    @Test
    void printsThroughputOverCorpusBodies() throws IOException {
        Path corpus = Path.of(System.getenv().getOrDefault("FORUMKB_CORPUS", DEFAULT_CORPUS.toString()));
        List<String> bodies = Files.exists(corpus) ? bodies(corpus) : syntheticBodies();
        long chars = bodies.stream().mapToLong(String::length).sum();
        EntityExtractor extractor = new EntityExtractor();

        long entities = 0;
        long warmUntil = System.nanoTime() + 3_000_000_000L; // let C2 compile the scan loop
        while (System.nanoTime() < warmUntil) {
            entities = run(extractor, bodies);
        }
        int rounds = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 5_000_000_000L) {
            run(extractor, bodies);
            rounds++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double posts = (double) bodies.size() * rounds / seconds;
        double mb = (double) chars * rounds / seconds / 1e6;
        System.out.printf("EntityExtractor: %d posts (avg %d chars), %d entities/pass: %.0f posts/s, %.1f MB/s (chars)%n",
                bodies.size(), chars / Math.max(1, bodies.size()), entities, posts, mb);
        assertThat(entities).isPositive();
    }

    private static long run(EntityExtractor extractor, List<String> bodies) {
        long n = 0;
        for (String body : bodies) {
            n += extractor.extract(body).size();
        }
        return n;
    }

    private static List<String> bodies(Path corpus) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            for (JsonNode post : json.readTree(line).path("posts")) {
                bodies.add(post.path("body").asString());
            }
        }
        return bodies;
    }

    /** Without the shared corpus (e.g. in CI), a crash-log-heavy stand-in keeps the test meaningful. */
    private static List<String> syntheticBodies() {
        String post = "Error Domain=NSCocoaErrorDomain Code=4097 on iOS 17.4 with NSXPCConnection; "
                + "0 libsystem_kernel.dylib 0x19b556388 __pthread_kill + 8 (pid 1284) "
                + "saveToPreferences(completionHandler:) fails with NEVPNErrorConfigurationInvalid. ";
        return List.of(post.repeat(10));
    }
}
