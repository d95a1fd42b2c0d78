package forumkb.ingest;

import forumkb.ingest.parse.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One thing to ingest: an uploaded or fetched document held in memory, or a local file
 * read when its turn comes. {@code format} null means detect it from the content.
 */
public record IngestInput(String name, byte[] bytes, Path file, String contentType, SourceFormat format) {

	public static IngestInput ofBytes(String name, byte[] bytes, String contentType, SourceFormat format) {
		return new IngestInput(name, bytes, null, contentType, format);
	}

	public static IngestInput ofFile(Path file, SourceFormat format) {
		return new IngestInput(file.toString(), null, file, null, format);
	}

	InputStream open() throws IOException {
		return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
	}

	long size() throws IOException {
		return bytes != null ? bytes.length : Files.size(file);
	}
}
