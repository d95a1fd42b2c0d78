package forumkb.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The labels of suggestions as triage measured them: a lead over weak competitors is not
 * enough when the text means something else and shares no rare entity.
 */
class ConfidenceRuleTests {

	private final ConfidenceRule rule = new ConfidenceRule();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			sourdough text, the top shares only "two days"         | 1.0  | 0.35 | 1.0  | 0 | 0.19 | LOW
			the same lead with the meaning of the thread              | 1.0  | 0.35 | 1.0  | 0 | 0.60 | MEDIUM
			a wider lead without vectors: the fit alone decides       | 1.0  | 0.45 | 1.0  | 0 | 0    | MEDIUM
			far in meaning but a rare error code shared               | 1.0  | 0.35 | 1.0  | 1 | 0.19 | MEDIUM
			a real report of the thread                               | 1.0  | 0.76 | 1.0  | 0 | 0.83 | HIGH
			unrelated text, close competitors                         | 0.94 | 0.26 | 1.0  | 0 | 0.24 | LOW
			""")
	void labelsAsMeasured(String evidence, float score, float lead, float relative, int rare, float cosine,
			Confidence expected) {
		assertThat(rule.of(new Suggestion.Evidence(score, lead, relative, rare, cosine))).isEqualTo(expected);
	}

}
