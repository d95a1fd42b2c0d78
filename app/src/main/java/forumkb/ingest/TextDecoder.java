package forumkb.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns input bytes into text, strictly: forum dumps, pages and feeds here are UTF-8, and
 * anything else gets a clear reason instead of silently garbled threads.
 */
final class TextDecoder {

	private TextDecoder() {
	}

	static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * Decodes the whole input, without a byte-order mark; throws when it is not UTF-8.
	 */
	static String decode(byte[] bytes) throws CharacterCodingException {
		int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		return strictUtf8().decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
	}

	/** The first bytes as text for sniffing the format; bad bytes become U+FFFD. */
	static String preview(byte[] head) {
		return new String(head, StandardCharsets.UTF_8);
	}

}
