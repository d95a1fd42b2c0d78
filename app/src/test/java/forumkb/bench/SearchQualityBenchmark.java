package forumkb.bench;

import forumkb.ingest.parse.ParsedThread;
import forumkb.system.CommandLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code benchmark-search-quality [FOLDER]}: ingests the eval-dev corpus into an
 * application of its own (see {@link EvalSearch}), runs every query as a search and
 * prints Recall@1/5/10 and MRR for our search next to plain BM25, overall, for the
 * {@code q…} and {@code h…} queries and per kind.
 */
class SearchQualityBenchmark implements CommandLine.Command {

	@Override
	public String name() {
		return "benchmark-search-quality";
	}

	@Override
	public String usage() {
		return "benchmark-search-quality [EVAL-FOLDER] [--misses]   Recall@10 and MRR of search vs plain BM25";
	}

	@Override
	public int run(String[] args) {
		Path folder = EvalSet.folderIn(args);
		try {
			EvalSet eval = EvalSet.load(folder);
			List<ParsedThread> threads = eval.threads();
			try (EvalSearch search = EvalSearch.load(eval.corpus()); PlainBm25 baseline = new PlainBm25(threads)) {
				report(eval, query -> search.ids(query, 1), query -> baseline.search(query, 10),
						List.of(args).contains("--misses"));
			}
			return 0;
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
	}

	static void report(EvalSet eval, Function<String, List<String>> ours, Function<String, List<String>> plain,
			boolean printMisses) {
		Map<String, RankingMetrics[]> groups = new LinkedHashMap<>();
		for (EvalSet.Query query : eval.queries()) {
			if (query.expected().isEmpty()) {
				continue;
			}
			List<String> ourRanking = ours.apply(query.text());
			List<String> plainRanking = plain.apply(query.text());
			if (printMisses && ourRanking.stream().limit(5).noneMatch(query.expected()::contains)) {
				System.out.printf("MISS %s %s expected %s, ours %s, plain %s%n", query.qid(), query.kind(),
						query.expected(), ourRanking.stream().limit(5).toList(),
						plainRanking.stream().limit(5).toList());
			}
			for (String group : List.of("all", query.hard() ? "h…" : "q…",
					(query.hard() ? "h:" : "q:") + query.kind())) {
				RankingMetrics[] pair = groups.computeIfAbsent(group,
						key -> new RankingMetrics[] { new RankingMetrics(), new RankingMetrics() });
				pair[0].add(ourRanking, query.expected());
				pair[1].add(plainRanking, query.expected());
			}
		}
		System.out.printf("%-16s %5s | %-26s | %-26s%n", "queries", "n", "forumkb R@1 R@5 R@10 MRR",
				"plain BM25 R@1 R@5 R@10 MRR");
		groups.forEach((group, pair) -> System.out.printf("%-16s %5d | %s | %s%n", group, pair[0].queries(),
				line(pair[0]), line(pair[1])));
	}

	private static String line(RankingMetrics m) {
		return "%.2f %.2f %.2f %.2f".formatted(m.recallAt(1), m.recallAt(5), m.recallAt(10), m.mrr()) + "           ";
	}

}
