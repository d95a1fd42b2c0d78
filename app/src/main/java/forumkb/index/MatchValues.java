package forumkb.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search reads of each of its top matches in the OpenSearch index, besides the
 * score: the thread's id, its last activity, whether it has an accepted answer and its
 * facet values, packed into the bytes of one binary doc value
 * ({@link OpenSearchIndex#MATCH}). Read that way the node copies a few hundred bytes a
 * match; read from keyword doc values, it turned each value's ordinal back into its text
 * in the terms dictionary, decompressing a block a lookup, and wrote eleven fields a
 * match into its answer.
 *
 * @param id the thread's id
 * @param activity its last activity (epoch milliseconds), null if it has none
 * @param answered whether it has an accepted answer
 * @param facets each facet dimension the thread has values in, with those values
 */
public record MatchValues(long id, Long activity, boolean answered, Map<String, List<String>> facets) {

	/** The values' bytes, as {@link #decode} reads them. */
	public byte[] encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeLong(id);
			out.writeBoolean(activity != null);
			if (activity != null) {
				out.writeLong(activity);
			}
			out.writeBoolean(answered);
			out.writeInt(facets.size());
			for (Map.Entry<String, List<String>> dimension : facets.entrySet()) {
				writeText(out, dimension.getKey());
				out.writeInt(dimension.getValue().size());
				for (String value : dimension.getValue()) {
					writeText(out, value);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** The values {@link #encode} packed. */
	public static MatchValues decode(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			long id = in.readLong();
			Long activity = in.readBoolean() ? in.readLong() : null;
			boolean answered = in.readBoolean();
			int dimensions = in.readInt();
			Map<String, List<String>> facets = new LinkedHashMap<>(dimensions * 2);
			for (int i = 0; i < dimensions; i++) {
				String dimension = readText(in);
				int count = in.readInt();
				List<String> values = new ArrayList<>(count);
				for (int j = 0; j < count; j++) {
					values.add(readText(in));
				}
				facets.put(dimension, values);
			}
			return new MatchValues(id, activity, answered, facets);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A dimension's values, none if the thread has none in it. */
	public List<String> values(String dimension) {
		return facets.getOrDefault(dimension, List.of());
	}

	/** UTF-8 behind its length: {@code writeUTF}'s modified UTF-8 stops at 64 KB. */
	private static void writeText(DataOutputStream out, String text) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String readText(DataInputStream in) throws IOException {
		byte[] utf8 = new byte[in.readInt()];
		in.readFully(utf8);
		return new String(utf8, StandardCharsets.UTF_8);
	}

}
