package forumkb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The best cosine of each query, split three ways: queries no thread answers, queries
 * whose top thread is right, queries whose top thread is wrong. If the first group sits
 * below the second, a threshold can say "no confident match".
 */
record CosineThresholds(List<Float> unanswered, List<Float> rightTop, List<Float> wrongTop) {

	static CosineThresholds of(EvalSet eval, Function<EvalSet.Query, List<EvalSearch.Scored>> ranking) {
		List<Float> unanswered = new ArrayList<>();
		List<Float> right = new ArrayList<>();
		List<Float> wrong = new ArrayList<>();
		for (EvalSet.Query query : eval.queries()) {
			EvalSearch.Scored top = ranking.apply(query).getFirst();
			List<Float> group = query.expected().isEmpty() ? unanswered
					: query.expected().contains(top.externalId()) ? right : wrong;
			group.add(top.score());
		}
		return new CosineThresholds(sorted(unanswered), sorted(right), sorted(wrong));
	}

	void print(String method) {
		System.out.printf(
				"%nbest cosine, %s%n  no thread answers (%d): %s%n  top-1 right (%d): %s%n  top-1 wrong (%d): %s%n",
				method, unanswered.size(), format(unanswered), rightTop.size(), format(rightTop), wrongTop.size(),
				format(wrongTop));
	}

	private static List<Float> sorted(List<Float> scores) {
		return scores.stream().sorted().toList();
	}

	private static String format(List<Float> scores) {
		StringBuilder text = new StringBuilder();
		scores.forEach(score -> text.append("%.2f ".formatted(score)));
		return text.toString().strip();
	}
}
