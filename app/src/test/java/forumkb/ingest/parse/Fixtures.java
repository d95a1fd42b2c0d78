package forumkb.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the hand-written fixtures under {@code src/test/resources/fixtures/}, and checks
 * failed parses.
 */
final class Fixtures {

	private Fixtures() {
	}

	static String read(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The parse gave no thread and exactly one failure whose reason starts as given. */
	static void assertFailsWith(ParseResult result, String reasonStart) {
		assertThat(result.threads()).isEmpty();
		assertThat(result.failures()).singleElement()
			.extracting(ParseFailure::reason)
			.asString()
			.startsWith(reasonStart);
	}

}
