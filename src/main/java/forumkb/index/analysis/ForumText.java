package forumkb.index.analysis;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Machine noise in pasted logs and crash reports, blanked before either analyzer tokenizes, so
 * that no token (and no half of one) comes from an address, a time or a process id.
 *
 * <p>{@code forumkb.extract.Scan} also skips this noise, but not with patterns: it cuts
 * identifiers by hand and steps over every digit-led run, which is right for an extractor that
 * only wants entities and wrong here, where ordinary numbers ({@code 4097}, {@code 18.1}) must stay.
 * So the patterns live here once, for both analyzers.
 */
final class ForumText {

    private ForumText() {
    }

    private static final String TIME = "\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|\\s?[+-]\\d{2}:?\\d{2}(?!\\d))?";

    /**
     * Noise, as one alternation so one pass removes it all. A hex literal is an address, a thread
     * id or a load address (hex codes worth finding reach the {@code code} field through the
     * entity extractor); {@code [903]} glued to a name is a pid ({@code xpc_error=[159]} is a value:
     * '=' precedes it); {@code + 140} is a frame offset; {@code :509} after a source file a line.
     */
    static final Pattern NOISE = Pattern.compile(String.join("|",
            "\\b0x[0-9A-Fa-f]+\\b",
            "\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b",
            "(?<![\\w:.])\\d{4}-\\d{2}-\\d{2}(?:[T ]" + TIME + ")?(?![\\w:])",
            "(?<![\\w:.])" + TIME + "(?![\\w:])",
            "(?<=\\bpid[:=]?\\s{0,3})\\d+\\b",
            "(?<=[\\w)])\\[\\d+(?::\\d+)?\\]",
            "(?<!\\S)\\+ \\d+\\b",
            "(?<=\\.(?:c|m|mm|h|cpp|swift)):\\d+\\b"));

    /** The text with each noise run replaced by one space; offsets still point into the original. */
    static Reader withoutNoise(Reader reader) {
        return new PatternReplaceCharFilter(NOISE, " ", reader);
    }
}
