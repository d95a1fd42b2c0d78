package forumkb.bench;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes threads as canonical JSON Lines with Jackson's streaming generator: correct
 * escaping without building a tree per thread. The target writer stays open, so callers
 * own it (it may be a file they keep appending to, or System.out).
 */
final class ThreadJsonWriter implements AutoCloseable {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES) // keep URLs readable
		.rootValueSeparator("\n")
		.build();

	private final Writer target;

	private final JsonGenerator json;

	private boolean wroteAny;

	ThreadJsonWriter(Writer target) {
		this.target = target;
		this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), target);
	}

	void write(ParsedThread thread) {
		json.writeStartObject();
		json.writeStringProperty("source", thread.source());
		json.writeStringProperty("externalId", thread.externalId());
		json.writeStringProperty("url", thread.url());
		json.writeStringProperty("title", thread.title());
		json.writeStringProperty("topic", thread.topic());
		json.writeStringProperty("subtopic", thread.subtopic());
		json.writeArrayPropertyStart("tags");
		for (String tag : thread.tags()) {
			json.writeString(tag);
		}
		json.writeEndArray();
		json.writeStringProperty("createdAt", thread.createdAt().toString());
		json.writeStringProperty("lastActivityAt", thread.lastActivityAt().toString());
		json.writeNumberProperty("replies", thread.replies()); // never null for generated
																// threads
		json.writeNumberProperty("boosts", thread.boosts());
		json.writeNumberProperty("views", thread.views());
		json.writeArrayPropertyStart("posts");
		for (ParsedPost post : thread.posts()) {
			json.writeStartObject();
			json.writeStringProperty("author", post.author());
			json.writeStringProperty("body", post.body());
			json.writeStringProperty("createdAt", post.createdAt().toString());
			json.writeStringProperty("role", post.role().wireName());
			json.writeBooleanProperty("accepted", post.accepted());
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
		wroteAny = true;
	}

	/** Flushes and ends the last line with a newline; the target itself stays open. */
	@Override
	public void close() {
		json.close();
		if (wroteAny) {
			try {
				target.write('\n');
				target.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

}
