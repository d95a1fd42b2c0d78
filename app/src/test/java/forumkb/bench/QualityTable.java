package forumkb.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row per ranking method: R@1, R@5 and MRR overall, for {@code q…}, {@code h…} and
 * each hard kind.
 */
final class QualityTable {

	private final List<EvalSet.Query> queries;

	private final List<String> groups;

	QualityTable(List<EvalSet.Query> queries) {
		this.queries = queries.stream().filter(query -> !query.expected().isEmpty()).toList();
		this.groups = this.queries.stream()
			.map(QualityTable::kindGroup)
			.distinct()
			.filter(g -> g.startsWith("h:"))
			.sorted()
			.toList();
	}

	void header() {
		StringBuilder line = new StringBuilder("%-34s".formatted("method (R@1 R@5 MRR)"));
		for (String group : columns()) {
			line.append(" | %-16s".formatted(group + " (" + queries.stream().filter(q -> in(q, group)).count() + ")"));
		}
		System.out.println(line);
	}

	void row(String method, Function<EvalSet.Query, List<String>> ranking) {
		Map<String, RankingMetrics> metrics = new LinkedHashMap<>();
		columns().forEach(group -> metrics.put(group, new RankingMetrics()));
		for (EvalSet.Query query : queries) {
			List<String> ranked = ranking.apply(query);
			metrics.forEach((group, m) -> {
				if (in(query, group)) {
					m.add(ranked, query.expected());
				}
			});
		}
		StringBuilder line = new StringBuilder("%-34s".formatted(method));
		metrics.values()
			.forEach(m -> line.append(" | %.2f %.2f %.2f    ".formatted(m.recallAt(1), m.recallAt(5), m.mrr())));
		System.out.println(line);
	}

	private List<String> columns() {
		List<String> columns = new ArrayList<>(List.of("all", "q…", "h…"));
		columns.addAll(groups);
		return columns;
	}

	private static boolean in(EvalSet.Query query, String group) {
		return switch (group) {
			case "all" -> true;
			case "q…" -> !query.hard();
			case "h…" -> query.hard();
			default -> kindGroup(query).equals(group);
		};
	}

	private static String kindGroup(EvalSet.Query query) {
		return (query.hard() ? "h:" : "q:") + query.kind();
	}

}
