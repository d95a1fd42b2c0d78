package forumkb.bench;

import forumkb.index.SearchIndex;
import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestService;
import forumkb.ingest.parse.ParsedThread;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.KnownIssueDraft;
import forumkb.knownissue.KnownIssueService;
import forumkb.knownissue.KnownIssuesChanged;
import forumkb.report.Report;
import forumkb.report.ReportDraft;
import forumkb.report.ReportService;
import forumkb.search.LuceneSearchBackends;
import forumkb.search.SearchBackend;
import forumkb.search.SearchQueryParser;
import forumkb.search.SearchResult;
import forumkb.search.SearchService;
import forumkb.system.CommandLine;
import forumkb.triage.LuceneTriage;
import forumkb.triage.Suggestion;
import forumkb.triage.ThreadVectors;
import forumkb.triage.TriageResult;
import forumkb.triage.TriageService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * {@code benchmark-triage [FOLDER…] [--opensearch] [--misses] [--no-feedback]}: for each
 * eval set (by default the folders of {@code forumkb.bench.eval-dev} and
 * {@code forumkb.bench.eval-real-dev}), a throw-away application of its own ingests the
 * corpus, and every query goes through the real triage path, printing Recall@1/5, MRR
 * and, for queries no thread covers, the share answered "no confident match" — next to
 * plain BM25 in the same run; then search over the pasted report (its first 2,000
 * characters, as {@code /api/search} gets them) against plain BM25 on the same text, and
 * how often the top suggestion of each confidence label is right. Then feedback: with a
 * known issue per expected thread set, the reports of one half of the queries are
 * submitted and confirmed, and the other half is measured before and after (both halves
 * in turn), so the gain is what confirmations teach about unseen reports. With
 * {@code --opensearch} the application's search runs on a real OpenSearch node
 * ({@link forumkb.OpenSearchNode}) and every figure is measured on both backends in the
 * same run: first triage and search over the application's Lucene index, then on
 * OpenSearch, next to Lucene's ranking of the same query; feedback runs on OpenSearch.
 */
class TriageQualityBenchmark implements CommandLine.Command {

	private static final Authentication ENGINEER = new UsernamePasswordAuthenticationToken("benchmark", null,
			List.of(new SimpleGrantedAuthority("ROLE_ENGINEER")));

	/** What a search box gets of a pasted report. */
	private static final int PASTED_SEARCH_CHARS = 2_000;

	private final List<Path> defaultSets;

	TriageQualityBenchmark(@Value("${forumkb.bench.eval-dev:../shared/eval-dev}") String evalDev,
			@Value("${forumkb.bench.eval-real-dev:../shared/eval-real-dev}") String evalRealDev) {
		this.defaultSets = List.of(Path.of(evalDev), Path.of(evalRealDev));
	}

	@Override
	public String name() {
		return "benchmark-triage";
	}

	@Override
	public String usage() {
		return "benchmark-triage [EVAL-FOLDER...] [--opensearch] [--misses] [--no-feedback]   Recall@1/5, MRR,"
				+ " no-match share, reliability of the labels, search over the pasted report; triage vs plain BM25"
				+ " (and on both backends)";
	}

	@Override
	public int run(String[] args) {
		List<Path> folders = Stream.of(args).filter(arg -> !arg.startsWith("--")).map(Path::of).toList();
		boolean misses = Options.flag(args, "--misses");
		boolean feedback = !Options.flag(args, "--no-feedback");
		boolean bothBackends = Options.flag(args, "--opensearch");
		Calibration calibration = new Calibration();
		try {
			for (Path folder : folders.isEmpty() ? defaultSets : folders) {
				EvalSet eval = EvalSet.load(folder);
				System.out.println();
				System.out.println("=== " + folder);
				String[] settings = bothBackends ? BenchServer.onOpenSearch().toArray(String[]::new) : new String[0];
				try (BenchServer server = BenchServer.start(null, settings)) {
					new SetRun(server, folder.getFileName().toString(), eval, calibration, bothBackends).measure(misses,
							feedback);
				}
			}
			calibration.print();
			return 0;
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * One eval set in its own application: the beans of that application and the set's
	 * ids.
	 */
	private static final class SetRun {

		private final String name;

		private final EvalSet eval;

		private final IngestService ingest;

		private final SearchIndex index;

		private final TriageService triage;

		private final SearchService search;

		private final KnownIssueService knownIssues;

		private final ReportService reports;

		private final JdbcTemplate jdbc;

		private final ApplicationEventPublisher events;

		private final ThreadVectors vectors;

		private final Calibration calibration;

		private final BenchServer server;

		private final boolean bothBackends;

		private final Map<Long, String> externalIds = new HashMap<>();

		private final Map<String, Long> threadIds = new HashMap<>();

		SetRun(BenchServer server, String name, EvalSet eval, Calibration calibration, boolean bothBackends) {
			this.server = server;
			this.bothBackends = bothBackends;
			this.name = name;
			this.eval = eval;
			this.calibration = calibration;
			this.ingest = server.bean(IngestService.class);
			this.index = server.bean(SearchIndex.class);
			this.triage = server.bean(TriageService.class);
			this.search = server.bean(SearchService.class);
			this.knownIssues = server.bean(KnownIssueService.class);
			this.reports = server.bean(ReportService.class);
			this.jdbc = server.bean(JdbcTemplate.class);
			this.events = server.events();
			this.vectors = server.bean(ThreadVectors.class);
		}

		void measure(boolean misses, boolean feedback) throws IOException {
			ingest.ingest("eval corpus", List.of(IngestInput.ofFile(eval.corpus(), null)));
			index.catchUp();
			if (bothBackends) {
				EvalSearch.awaitOpenSearch(server);
			}
			if (vectors.enabled()) {
				vectors.catchUp();
				System.out.println("Thread vectors: " + vectors.status());
			}
			jdbc.query("select id, external_id from thread", row -> {
				externalIds.put(row.getLong(1), row.getString(2));
				threadIds.put(row.getString(2), row.getLong(1));
			});
			List<ParsedThread> threads = eval.threads();
			try (PlainBm25 baseline = new PlainBm25(threads)) {
				if (!bothBackends) {
					System.out.println("Triage over " + threads.size() + " threads, no known issues:");
					measure(triage, text -> search.search(text, 0, "relevance"), query -> baseline.search(query, 10),
							"plain BM25", baseline, misses, calibration);
				}
				else {
					TriageService lucene = LuceneTriage.over(server.context());
					System.out.println("Triage over " + threads.size() + " threads, no known issues, Lucene backend:");
					measure(lucene, firstPage(LuceneSearchBackends.over(server.context())),
							query -> baseline.search(query, 10), "plain BM25", baseline, misses, calibration);
					System.out.println();
					System.out.println("The same on the OpenSearch backend, next to the Lucene backend's triage:");
					measure(triage, text -> search.search(text, 0, "relevance"), query -> ranking(lucene.triage(query)),
							"lucene triage", baseline, misses, null);
				}
			}
			if (feedback) {
				feedback();
			}
		}

		/**
		 * Triage's figures with one backend's triage and search, next to {@code other}'s
		 * rankings; {@code calibration} null for a second backend's run of the same set.
		 */
		private void measure(TriageService triage, Function<String, SearchResult> search,
				Function<String, List<String>> other, String otherName, PlainBm25 baseline, boolean misses,
				Calibration calibration) {
			Latencies latencies = new Latencies();
			Reliability reliability = new Reliability();
			Groups groups = measure(eval.queries(), query -> timed(triage, latencies, query), other, misses,
					reliability, calibration);
			groups.print("forumkb triage", otherName);
			System.out.printf("triage latency over the eval corpus: p50 %.1f ms, p99 %.1f ms (%d queries)%n",
					latencies.millis(50), latencies.millis(99), latencies.count());
			reliability.print();
			pastedSearch(search, baseline);
		}

		/** A backend's first result page, as the search API asks for it. */
		private static Function<String, SearchResult> firstPage(SearchBackend backend) {
			SearchQueryParser parser = new SearchQueryParser();
			return text -> backend.search(parser.parse(text), text, 0, false);
		}

		/**
		 * Search over the pasted report's first characters, as a search box gets them,
		 * against plain BM25.
		 */
		private void pastedSearch(Function<String, SearchResult> search, PlainBm25 baseline) {
			RankingMetrics ours = new RankingMetrics();
			RankingMetrics plain = new RankingMetrics();
			for (EvalSet.Query query : eval.queries()) {
				if (query.expected().isEmpty()) {
					continue;
				}
				String pasted = query.text().substring(0, Math.min(PASTED_SEARCH_CHARS, query.text().length()));
				ours.add(search.apply(pasted).hits().stream().limit(10).map(hit -> externalIds.get(hit.id())).toList(),
						query.expected());
				plain.add(baseline.search(pasted, 10), query.expected());
			}
			System.out.printf(
					"search over the pasted report (first %,d characters), %d queries: R@10 %.2f, MRR %.2f"
							+ " | plain BM25 R@10 %.2f, MRR %.2f%n",
					PASTED_SEARCH_CHARS, ours.queries(), ours.recallAt(10), ours.mrr(), plain.recallAt(10),
					plain.mrr());
		}

		private TriageResult timed(TriageService triage, Latencies latencies, String text) {
			long started = System.nanoTime();
			TriageResult result = triage.triage(text);
			latencies.add(System.nanoTime() - started);
			return result;
		}

		/**
		 * Suggestions as external thread ids; a known issue stands for its linked
		 * threads.
		 */
		private List<String> ranking(TriageResult result) {
			Map<Long, KnownIssue> issues = new HashMap<>();
			knownIssues.all().forEach(issue -> issues.put(issue.id(), issue));
			return ranking(result, issues);
		}

		private List<String> ranking(TriageResult result, Map<Long, KnownIssue> issues) {
			Set<String> ranked = new LinkedHashSet<>();
			result.ranked().forEach(suggestion -> ranked.addAll(ids(suggestion, issues)));
			return List.copyOf(ranked);
		}

		private List<String> ids(Suggestion suggestion, Map<Long, KnownIssue> issues) {
			return suggestion.knownIssue() ? issues.get(suggestion.id())
				.threads()
				.stream()
				.map(thread -> externalIds.get(thread.id()))
				.toList() : List.of(externalIds.get(suggestion.id()));
		}

		private Groups measure(List<EvalSet.Query> queries, Function<String, TriageResult> ours,
				Function<String, List<String>> plain, boolean misses, Reliability reliability,
				Calibration calibration) {
			Map<Long, KnownIssue> issues = new HashMap<>();
			knownIssues.all().forEach(issue -> issues.put(issue.id(), issue));
			Groups groups = new Groups();
			for (EvalSet.Query query : queries) {
				TriageResult result = ours.apply(query.text());
				List<String> ranked = ranking(result, issues);
				if (reliability != null) {
					List<Boolean> right = result.ranked()
						.stream()
						.map(s -> ids(s, issues).stream().anyMatch(query.expected()::contains))
						.toList();
					reliability.add(result.ranked(), right);
					if (calibration != null) {
						calibration.add(name, result.ranked(), right, !query.expected().isEmpty());
					}
				}
				if (misses && (query.expected().isEmpty() ? result.confidentMatch()
						: ranked.stream().limit(5).noneMatch(query.expected()::contains))) {
					System.out.printf("MISS %s %s expected %s, got %s%n", query.qid(), query.kind(), query.expected(),
							result.ranked()
								.stream()
								.limit(5)
								.map(s -> (s.knownIssue() ? "ki" : "") + externalIds.getOrDefault(s.id(), "" + s.id())
										+ "/" + s.confidence().label() + "/" + "%.1f".formatted(s.score()))
								.toList());
				}
				groups.add(query, ranked, result.confidentMatch(), plain == null ? null : plain.apply(query.text()));
			}
			return groups;
		}

		/**
		 * Two-fold feedback: known issues for every expected thread set, then one fold's
		 * reports confirmed and the other fold measured before and after; the folds swap.
		 */
		private void feedback() {
			Map<List<String>, Long> issueByExpected = new LinkedHashMap<>();
			for (EvalSet.Query query : eval.queries()) {
				if (query.expected().isEmpty() || issueByExpected.containsKey(query.expected())) {
					continue;
				}
				List<Long> linked = query.expected().stream().map(threadIds::get).toList();
				String title = jdbc.queryForObject("select title from thread where id = ?", String.class,
						linked.getFirst());
				KnownIssueDraft draft = new KnownIssueDraft(title, "", "", "", "open", null, List.of(), "", List.of(),
						linked);
				issueByExpected.put(query.expected(), knownIssues.create(draft, "benchmark").id());
			}
			Map<EvalSet.Query, Integer> folds = folds(eval.queries());
			Groups before = new Groups();
			Groups after = new Groups();
			for (int fold = 0; fold < 2; fold++) {
				int taught = fold;
				List<EvalSet.Query> teach = folds.keySet().stream().filter(q -> folds.get(q) == taught).toList();
				List<EvalSet.Query> held = folds.keySet().stream().filter(q -> folds.get(q) != taught).toList();
				before.addAll(measure(held, triage::triage, null, false, null, null));
				for (EvalSet.Query query : teach) {
					confirm(query, issueByExpected.get(query.expected()));
				}
				after.addAll(measure(held, triage::triage, null, false, null, null));
				forget();
			}
			System.out.println();
			System.out.println("Feedback, on held-out queries (each half taught by the other half's confirmed reports;"
					+ " reports of the same threads split across the halves):");
			before.print("before feedback", null);
			after.print("after feedback", null);
		}

		/**
		 * Two folds in which reports of the same threads fall on both sides where there
		 * are several: feedback is for the known issue reported again in other words.
		 */
		private static Map<EvalSet.Query, Integer> folds(List<EvalSet.Query> queries) {
			Map<List<String>, Integer> seen = new HashMap<>();
			Map<EvalSet.Query, Integer> folds = new LinkedHashMap<>();
			int next = 0;
			for (EvalSet.Query query : queries) {
				if (query.expected().isEmpty()) {
					continue;
				}
				Integer previous = seen.get(query.expected());
				int fold = previous == null ? next++ % 2 : 1 - previous;
				seen.put(query.expected(), fold);
				folds.put(query, fold);
			}
			return folds;
		}

		private void confirm(EvalSet.Query query, long knownIssueId) {
			Report report = reports.submit(new ReportDraft(query.text(), "", null, null, null), ENGINEER);
			boolean suggested = report.suggestions()
				.stream()
				.anyMatch(s -> s.knownIssue() && s.targetId() == knownIssueId);
			reports.decide(report.id(),
					new ReportService.Decision(suggested ? "confirm" : "other-known-issue", knownIssueId, null, null),
					ENGINEER);
		}

		/** Undoes one fold's teaching: its reports and the signature terms they added. */
		private void forget() {
			jdbc.update("delete from report");
			jdbc.update("delete from known_issue_signature where origin = 'FEEDBACK'");
			events.publishEvent(new KnownIssuesChanged(0));
		}

	}

	/** Metrics per group of queries: all, q…, h…, and per kind. */
	private static final class Groups {

		private final Map<String, RankingMetrics[]> metrics = new LinkedHashMap<>();

		private final Map<String, int[]> noMatch = new LinkedHashMap<>();

		void add(EvalSet.Query query, List<String> ours, boolean confident, List<String> plain) {
			for (String group : List.of("all", query.hard() ? "h…" : "q…",
					(query.hard() ? "h:" : "q:") + query.kind())) {
				if (query.expected().isEmpty()) {
					int[] counts = noMatch.computeIfAbsent(group, key -> new int[2]);
					counts[0] += confident ? 0 : 1;
					counts[1]++;
					continue;
				}
				RankingMetrics[] pair = metrics.computeIfAbsent(group,
						key -> new RankingMetrics[] { new RankingMetrics(), new RankingMetrics() });
				pair[0].add(ours, query.expected());
				if (plain != null) {
					pair[1].add(plain, query.expected());
				}
			}
		}

		void addAll(Groups other) {
			other.metrics.forEach((group, pair) -> {
				RankingMetrics[] mine = metrics.computeIfAbsent(group,
						key -> new RankingMetrics[] { new RankingMetrics(), new RankingMetrics() });
				mine[0].addAll(pair[0]);
				mine[1].addAll(pair[1]);
			});
			other.noMatch.forEach((group, counts) -> {
				int[] mine = noMatch.computeIfAbsent(group, key -> new int[2]);
				mine[0] += counts[0];
				mine[1] += counts[1];
			});
		}

		void print(String ours, String plain) {
			System.out.printf("%-15s %4s | %-22s%s%n", "queries", "n", ours + " R@1 R@5 MRR",
					plain == null ? "" : " | " + plain + " R@1 R@5 MRR");
			metrics.forEach((group, pair) -> System.out.printf("%-15s %4d | %.2f %.2f %.2f%s%n", group,
					pair[0].queries(), pair[0].recallAt(1), pair[0].recallAt(5), pair[0].mrr(), plain == null ? ""
							: " | %.2f %.2f %.2f".formatted(pair[1].recallAt(1), pair[1].recallAt(5), pair[1].mrr())));
			noMatch
				.forEach((group, counts) -> System.out.printf("%-15s %4d | answered \"no confident match\": %d of %d%n",
						group + " (none)", counts[1], counts[0], counts[1]));
		}

	}

}
