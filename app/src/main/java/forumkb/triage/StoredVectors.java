package forumkb.triage;

import forumkb.system.Sql;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The threads' sentence vectors in PostgreSQL (table {@code thread_vector}, owned here),
 * so that the model runs once per thread text for every node and every rebuild. A row is
 * valid for exactly the texts and layout it was computed from: its key is their hash.
 */
@Repository
class StoredVectors {

	private final JdbcTemplate jdbc;

	StoredVectors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A thread's vectors, one per embedded text, and the key of what they came from. */
	record Entry(long threadId, byte[] key, List<float[]> vectors) {
	}

	/** What a thread's texts under a layout hash to; equal keys, equal vectors. */
	static byte[] key(String layout, List<String> texts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(layout.getBytes(StandardCharsets.UTF_8));
			for (String text : texts) {
				digest.update((byte) 0);
				digest.update(text.getBytes(StandardCharsets.UTF_8));
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** The stored vectors of these threads whose key is the expected one. */
	Map<Long, List<float[]>> load(Map<Long, byte[]> expectedKeys) {
		Map<Long, List<float[]>> found = new HashMap<>();
		if (expectedKeys.isEmpty()) {
			return found;
		}
		jdbc.query(Sql.withArray("select thread_id, input_key, vectors from thread_vector where thread_id = any(?)",
				"bigint", expectedKeys.keySet().toArray(Long[]::new)), row -> {
					long thread = row.getLong(1);
					if (Arrays.equals(row.getBytes(2), expectedKeys.get(thread))) {
						found.put(thread, vectors(row.getBytes(3)));
					}
				});
		return found;
	}

	/** Stores (or replaces) the threads' vectors. */
	void save(String layout, Collection<Entry> entries) {
		jdbc.batchUpdate("""
				insert into thread_vector (thread_id, layout, input_key, vectors) values (?, ?, ?, ?)
				on conflict (thread_id) do update
				set layout = excluded.layout, input_key = excluded.input_key, vectors = excluded.vectors,
				    computed_at = now()""", entries, entries.size(), (statement, entry) -> {
			statement.setLong(1, entry.threadId());
			statement.setString(2, layout);
			statement.setBytes(3, entry.key());
			statement.setBytes(4, bytes(entry.vectors()));
		});
	}

	private static byte[] bytes(List<float[]> vectors) {
		ByteBuffer buffer = ByteBuffer.allocate(vectors.size() * SentenceEmbeddings.DIMENSIONS * Float.BYTES)
			.order(ByteOrder.LITTLE_ENDIAN);
		for (float[] vector : vectors) {
			for (float value : vector) {
				buffer.putFloat(value);
			}
		}
		return buffer.array();
	}

	private static List<float[]> vectors(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		List<float[]> vectors = new ArrayList<>();
		while (buffer.remaining() >= SentenceEmbeddings.DIMENSIONS * Float.BYTES) {
			float[] vector = new float[SentenceEmbeddings.DIMENSIONS];
			buffer.asFloatBuffer().get(vector);
			buffer.position(buffer.position() + vector.length * Float.BYTES);
			vectors.add(vector);
		}
		return vectors;
	}

}
