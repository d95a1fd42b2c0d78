package forumkb.index.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The one place that names analyzers and fields and wires them together: prose for
 * {@code title}/{@code body}/{@code answer} (and any unknown field), symbols for {@code symbols},
 * one lower-cased keyword per value for the exact entity fields.
 */
public final class ForumAnalyzers {

    private ForumAnalyzers() {
    }

    public static final String PROSE = "prose";
    public static final String SYMBOL = "symbol";
    public static final String EXACT = "exact";

    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String ANSWER = "answer";
    public static final String SYMBOLS = "symbols";

    public static final String ERROR = "error";
    public static final String CODE = "code";
    public static final String API = "api";
    public static final String FRAMEWORK = "framework";
    public static final String ENTITLEMENT = "entitlement";
    public static final String TAG = "tag";
    public static final String TOPIC = "topic";
    public static final String SERVICE = "service";

    public static final List<String> PROSE_FIELDS = List.of(TITLE, BODY, ANSWER);
    public static final List<String> EXACT_FIELDS = List.of(ERROR, CODE, API, FRAMEWORK, ENTITLEMENT, TAG, TOPIC, SERVICE);

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
