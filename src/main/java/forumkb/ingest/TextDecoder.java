package forumkb.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns input bytes into text, strictly: forum dumps are UTF-8 (or UTF-16 with a BOM), and
 * anything else gets a clear reason instead of silently garbled threads.
 */
final class TextDecoder {

    private TextDecoder() {
    }

    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes the whole input; throws with a readable message when it is not text. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        CharBuffer text = strictDecoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
        return text.toString();
    }

    /** The first bytes as text for sniffing the format; bad bytes become U+FFFD. */
    static String preview(byte[] head) {
        return new String(head, StandardCharsets.UTF_8);
    }

    /** Null when the bytes look like text, else why they do not. */
    static String binaryReason(byte[] head, int length) {
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
            return null;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return "looks like binary data (NUL bytes), not a text, HTML, feed or JSON document";
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                control++;
            }
        }
        if (length > 0 && control * 20 > length) {
            return "looks like binary data (many control bytes), not a text, HTML, feed or JSON document";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
