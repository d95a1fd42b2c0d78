package forumkb.index.analysis;

import static forumkb.index.IndexFields.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The one place that names analyzers and wires them to the fields of {@link forumkb.index.IndexFields}: prose for
 * {@code title}/{@code body}/{@code answer}/{@code text} (and any unknown field), symbols for {@code symbols},
 * one lower-cased keyword per value for the exact entity fields.
 */
public final class ForumAnalyzers {

    private ForumAnalyzers() {
    }

    public static final String PROSE = "prose";
    public static final String SYMBOL = "symbol";
    public static final String EXACT = "exact";

    /**
     * Longer tokens are dropped: no one searches for a 40,000-character run of a pasted blob,
     * and Lucene refuses a term past 32,766 bytes with the whole document.
     */
    public static final int MAX_TOKEN_CHARS = 255;
    /**
     * An exact value (a keyword, a facet label) is cut to this many characters, as long as
     * ingest lets a tag be: Lucene takes a facet path of at most 8,191 characters and a term
     * of at most 32,766 UTF-8 bytes, and refuses the whole document past either.
     */
    public static final int MAX_EXACT_CHARS = 2_000;

    public static final List<String> PROSE_FIELDS = List.of(TITLE, BODY, ANSWER, TEXT);
    public static final List<String> EXACT_FIELDS = List.of(ERROR, CODE, DOMAIN, API, FRAMEWORK, ENTITLEMENT, TAG, TOPIC,
            SERVICE, HAS);

    /** For {@code IndexWriterConfig}: symbols drop plain words. */
    public static PerFieldAnalyzerWrapper indexAnalyzer() {
        return wrapper(SymbolAnalyzer.forIndex());
    }

    /** For query parsing: the same, except symbols keep plain words so "filter manager" reaches the parts. */
    public static PerFieldAnalyzerWrapper queryAnalyzer() {
        return wrapper(SymbolAnalyzer.forQuery());
    }

    /** An analyzer by its name, for configuration that refers to one. */
    public static Analyzer byName(String name) {
        return switch (name) {
            case PROSE -> new ProseAnalyzer();
            case SYMBOL -> SymbolAnalyzer.forIndex();
            case EXACT -> new ExactAnalyzer();
            default -> throw new IllegalArgumentException("no analyzer named " + name);
        };
    }

    private static PerFieldAnalyzerWrapper wrapper(SymbolAnalyzer symbols) {
        Analyzer prose = new ProseAnalyzer();
        Analyzer exact = new ExactAnalyzer();
        Map<String, Analyzer> fields = new HashMap<>();
        PROSE_FIELDS.forEach(field -> fields.put(field, prose));
        fields.put(SYMBOLS, symbols);
        EXACT_FIELDS.forEach(field -> fields.put(field, exact));
        return new PerFieldAnalyzerWrapper(prose, fields);
    }
}
