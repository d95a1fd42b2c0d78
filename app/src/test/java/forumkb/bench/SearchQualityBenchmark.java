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
 * {@code q…} and {@code h…} queries and per kind. {@code --opensearch} measures our
 * search on both backends in the same run (the corpus reaches a real OpenSearch node,
 * {@link forumkb.OpenSearchNode}, through the change feed) and adds each figure's
 * difference, OpenSearch minus Lucene. {@code --first CHARS} searches each query's first
 * characters only (a pasted report as a search box gets it); {@code --ranks} prints each
 * query's rank of its first expected thread, to diff two runs or the two backends.
 */
class SearchQualityBenchmark implements CommandLine.Command {

	private static final String PLAIN = "plain BM25";

	@Override
	public String name() {
		return "benchmark-search-quality";
	}

	@Override
	public String usage() {
		return "benchmark-search-quality [EVAL-FOLDER] [--opensearch] [--misses] [--ranks] [--first CHARS]"
				+ "   Recall@10 and MRR of search vs plain BM25";
	}

	@Override
	public int run(String[] args) {
		Path folder = EvalSet.folderIn(args);
		try {
			EvalSet eval = EvalSet.load(folder);
			List<ParsedThread> threads = eval.threads();
			int first = Options.intOption(args, "--first", Integer.MAX_VALUE);
			Function<String, String> cut = text -> text.substring(0, Math.min(first, text.length()));
			boolean bothBackends = Options.flag(args, "--opensearch");
			try (EvalSearch search = bothBackends ? EvalSearch.loadOnBothBackends(eval.corpus())
					: EvalSearch.load(eval.corpus()); PlainBm25 baseline = new PlainBm25(threads)) {
				Map<String, Function<String, List<String>>> rankings = new LinkedHashMap<>();
				if (bothBackends) {
					search.backends().forEach((backend, ranking) -> rankings.put(backend, cut.andThen(ranking)));
				}
				else {
					rankings.put("forumkb", query -> search.ids(cut.apply(query), 1));
				}
				rankings.put(PLAIN, query -> baseline.search(cut.apply(query), 10));
				report(eval, rankings, Options.flag(args, "--misses"), Options.flag(args, "--ranks"));
			}
			return 0;
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * The figures of each ranking, in the order given, the first being ours; with a
	 * {@code lucene} and an {@code opensearch} ranking, each figure's difference between
	 * the two.
	 */
	static void report(EvalSet eval, Map<String, Function<String, List<String>>> rankings, boolean printMisses,
			boolean printRanks) {
		List<String> names = List.copyOf(rankings.keySet());
		Map<String, Map<String, RankingMetrics>> groups = new LinkedHashMap<>();
		for (EvalSet.Query query : eval.queries()) {
			if (query.expected().isEmpty()) {
				continue;
			}
			Map<String, List<String>> ranked = new LinkedHashMap<>();
			rankings.forEach((name, ranking) -> ranked.put(name, ranking.apply(query.text())));
			List<String> ours = ranked.get(names.getFirst());
			if (printMisses && ours.stream().limit(5).noneMatch(query.expected()::contains)) {
				System.out.printf("MISS %s %s expected %s, %s%n", query.qid(), query.kind(), query.expected(),
						String.join(", ",
								names.stream()
									.map(name -> name + " " + ranked.get(name).stream().limit(5).toList())
									.toList()));
			}
			if (printRanks) {
				System.out.printf("RANK %s %s %s%n", query.qid(), query.kind(), String.join(" ",
						names.stream().map(name -> name + " " + rank(ranked.get(name), query.expected())).toList()));
			}
			for (String group : List.of("all", query.hard() ? "h…" : "q…",
					(query.hard() ? "h:" : "q:") + query.kind())) {
				Map<String, RankingMetrics> metrics = groups.computeIfAbsent(group, key -> new LinkedHashMap<>());
				ranked.forEach((name, ranking) -> metrics.computeIfAbsent(name, key -> new RankingMetrics())
					.add(ranking, query.expected()));
			}
		}
		boolean compared = names.contains("lucene") && names.contains("opensearch");
		StringBuilder header = new StringBuilder("%-16s %5s".formatted("queries", "n"));
		names.forEach(name -> header.append(" | %-26s".formatted(name + " R@1 R@5 R@10 MRR")));
		if (compared) {
			header.append(" | %-26s".formatted("opensearch-lucene"));
		}
		System.out.println(header);
		groups.forEach((group, metrics) -> {
			StringBuilder line = new StringBuilder(
					"%-16s %5d".formatted(group, metrics.get(names.getFirst()).queries()));
			names.forEach(name -> line.append(" | ").append(line(figures(metrics.get(name)))));
			if (compared) {
				double[] lucene = figures(metrics.get("lucene"));
				double[] openSearch = figures(metrics.get("opensearch"));
				double[] difference = new double[lucene.length];
				for (int i = 0; i < lucene.length; i++) {
					difference[i] = openSearch[i] - lucene[i];
				}
				line.append(" | ").append(line(difference));
			}
			System.out.println(line);
		});
	}

	/** The rank of the first expected thread, "-" when none is ranked. */
	private static String rank(List<String> ranking, List<String> expected) {
		for (int i = 0; i < ranking.size(); i++) {
			if (expected.contains(ranking.get(i))) {
				return String.valueOf(i + 1);
			}
		}
		return "-";
	}

	private static double[] figures(RankingMetrics m) {
		return new double[] { m.recallAt(1), m.recallAt(5), m.recallAt(10), m.mrr() };
	}

	private static String line(double[] figures) {
		return "%+.2f %+.2f %+.2f %+.2f".formatted(figures[0], figures[1], figures[2], figures[3]).replace("+", " ")
				+ "      ";
	}

}
