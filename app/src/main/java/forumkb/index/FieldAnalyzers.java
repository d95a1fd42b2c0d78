package forumkb.index;

import static forumkb.index.IndexFields.*;

import forumkb.index.analysis.ExactAnalyzer;
import forumkb.index.analysis.ProseAnalyzer;
import forumkb.index.analysis.SymbolAnalyzer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Wires the analyzers to the fields of {@link IndexFields}: prose for
 * {@code title}/{@code body}/{@code answer}/ {@code text} (and any unknown field),
 * symbols for {@code symbols}, one lower-cased keyword per value for the exact entity
 * fields. It lives beside the field names so that the analysis package needs none of
 * them.
 */
public final class FieldAnalyzers {

	private FieldAnalyzers() {
	}

	public static final List<String> PROSE_FIELDS = List.of(TITLE, BODY, ANSWER, TEXT);

	public static final List<String> EXACT_FIELDS = List.of(ERROR, CODE, DOMAIN, API, FRAMEWORK, ENTITLEMENT, TAG,
			TOPIC, SERVICE, HAS);

	/** For {@code IndexWriterConfig}: symbols drop plain words. */
	public static PerFieldAnalyzerWrapper indexAnalyzer() {
		return wrapper(SymbolAnalyzer.forIndex());
	}

	/**
	 * For query parsing: the same, except symbols keep plain words so "filter manager"
	 * reaches the parts.
	 */
	public static PerFieldAnalyzerWrapper queryAnalyzer() {
		return wrapper(SymbolAnalyzer.forQuery());
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
