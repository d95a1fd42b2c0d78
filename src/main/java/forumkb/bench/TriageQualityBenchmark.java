package forumkb.bench;

import forumkb.index.SearchIndex;
import forumkb.ingest.IngestInput;
import forumkb.ingest.IngestService;
import forumkb.ingest.parse.JsonLinesParser;
import forumkb.ingest.parse.ParsedThread;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.KnownIssueDraft;
import forumkb.knownissue.KnownIssueService;
import forumkb.knownissue.KnownIssuesChanged;
import forumkb.report.Report;
import forumkb.report.ReportDraft;
import forumkb.report.ReportService;
import forumkb.system.CommandLine;
import forumkb.triage.Suggestion;
import forumkb.triage.ThreadVectors;
import forumkb.triage.TriageResult;
import forumkb.triage.TriageService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-triage [FOLDER] [--misses]}: ingests the eval-dev corpus and sends every
 * query through the real triage path, printing Recall@1/5, MRR and, for queries no thread
 * covers, the share answered "no confident match" — next to plain BM25 in the same run.
 * Then feedback: with a known issue per expected thread set, the reports of one half of the
 * queries are submitted and confirmed, and the other half is measured before and after
 * (both halves in turn), so the gain is what confirmations teach about unseen reports.
 */
@Component
class TriageQualityBenchmark implements CommandLine.Command {

    private static final Authentication ENGINEER = new UsernamePasswordAuthenticationToken("benchmark", null,
            List.of(new SimpleGrantedAuthority("ROLE_ENGINEER")));

    private final IngestService ingest;
    private final SearchIndex index;
    private final TriageService triage;
    private final KnownIssueService knownIssues;
    private final ReportService reports;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ThreadVectors vectors;

    TriageQualityBenchmark(IngestService ingest, SearchIndex index, TriageService triage, KnownIssueService knownIssues,
            ReportService reports, JdbcTemplate jdbc, ApplicationEventPublisher events, ThreadVectors vectors) {
        this.ingest = ingest;
        this.index = index;
        this.triage = triage;
        this.knownIssues = knownIssues;
        this.reports = reports;
        this.jdbc = jdbc;
        this.events = events;
        this.vectors = vectors;
    }

    @Override
    public String name() {
        return "benchmark-triage";
    }

    @Override
    public String usage() {
        return "benchmark-triage [EVAL-FOLDER] [--misses]   Recall@1/5, MRR, no-match share of triage vs plain BM25";
    }

    @Override
    public int run(String[] args) {
        Path folder = args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0]) : EvalSet.defaultFolder();
        boolean misses = List.of(args).contains("--misses");
        try {
            EvalSet eval = EvalSet.load(folder);
            ingest.ingest("eval corpus", List.of(IngestInput.ofFile(eval.corpus(), null)));
            index.openLive();
            index.catchUp();
            if (vectors.enabled()) {
                vectors.open();
                vectors.catchUp();
                System.out.println("Thread vectors: " + vectors.status());
            }
            Map<Long, String> externalIds = new HashMap<>();
            Map<String, Long> threadIds = new HashMap<>();
            jdbc.query("select id, external_id from thread", row -> {
                externalIds.put(row.getLong(1), row.getString(2));
                threadIds.put(row.getString(2), row.getLong(1));
            });
            List<ParsedThread> threads = new JsonLinesParser().parse("corpus", Files.readString(eval.corpus())).threads();
            Latencies latencies = new Latencies();
            try (PlainBm25 baseline = new PlainBm25(threads)) {
                System.out.println("Triage over " + threads.size() + " threads, no known issues:");
                Groups groups = measure(eval.queries(), query -> timed(latencies, query),
                        query -> baseline.search(query, 10), externalIds, misses);
                groups.print("forumkb triage", "plain BM25");
                System.out.printf("triage latency over the eval corpus: p50 %.1f ms, p99 %.1f ms (%d queries)%n",
                        latencies.millis(50), latencies.millis(99), latencies.count());
            }
            feedback(eval, externalIds, threadIds);
            return 0;
        } catch (IOException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            return 1;
        }
    }

    private TriageResult timed(Latencies latencies, String text) {
        long started = System.nanoTime();
        TriageResult result = triage.triage(text);
        latencies.add(System.nanoTime() - started);
        return result;
    }

    /** Suggestions as external thread ids; a known issue stands for its linked threads. */
    private static List<String> ranking(TriageResult result, Map<Long, String> externalIds,
            Map<Long, KnownIssue> issues) {
        Set<String> ranked = new LinkedHashSet<>();
        for (Suggestion suggestion : result.suggestions()) {
            if (suggestion.knownIssue()) {
                KnownIssue issue = issues.get(suggestion.id());
                issue.threads().forEach(thread -> ranked.add(externalIds.get(thread.id())));
            } else {
                ranked.add(externalIds.get(suggestion.id()));
            }
        }
        return List.copyOf(ranked);
    }

    private Groups measure(List<EvalSet.Query> queries, Function<String, TriageResult> ours,
            Function<String, List<String>> plain, Map<Long, String> externalIds, boolean misses) {
        Map<Long, KnownIssue> issues = new HashMap<>();
        knownIssues.all().forEach(issue -> issues.put(issue.id(), issue));
        Groups groups = new Groups();
        for (EvalSet.Query query : queries) {
            TriageResult result = ours.apply(query.text());
            List<String> ranked = ranking(result, externalIds, issues);
            if (misses && (query.expected().isEmpty() ? result.confidentMatch()
                    : ranked.stream().limit(5).noneMatch(query.expected()::contains))) {
                System.out.printf("MISS %s %s expected %s, got %s%n", query.qid(), query.kind(), query.expected(),
                        result.suggestions().stream().limit(5).map(s -> (s.knownIssue() ? "ki" : "")
                                + externalIds.getOrDefault(s.id(), "" + s.id()) + "/" + s.confidence().label()
                                + "/" + "%.1f".formatted(s.score())).toList());
            }
            groups.add(query, ranked, result.confidentMatch(), plain == null ? null : plain.apply(query.text()));
        }
        return groups;
    }

    /**
     * Two-fold feedback: known issues for every expected thread set, then one fold's reports
     * confirmed and the other fold measured before and after; the folds swap.
     */
    private void feedback(EvalSet eval, Map<Long, String> externalIds, Map<String, Long> threadIds) {
        Map<List<String>, Long> issueByExpected = new LinkedHashMap<>();
        for (EvalSet.Query query : eval.queries()) {
            if (query.expected().isEmpty() || issueByExpected.containsKey(query.expected())) {
                continue;
            }
            List<Long> linked = query.expected().stream().map(threadIds::get).toList();
            String title = jdbc.queryForObject("select title from thread where id = ?", String.class, linked.getFirst());
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
            before.addAll(measure(held, triage::triage, null, externalIds, false));
            for (EvalSet.Query query : teach) {
                confirm(query, issueByExpected.get(query.expected()));
            }
            after.addAll(measure(held, triage::triage, null, externalIds, false));
            forget();
        }
        System.out.println();
        System.out.println("Feedback, on held-out queries (each half taught by the other half's confirmed reports;"
                + " reports of the same threads split across the halves):");
        before.print("before feedback", null);
        after.print("after feedback", null);
    }

    /**
     * Two folds in which reports of the same threads fall on both sides where there are
     * several: feedback is for the known issue reported again in other words.
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
        boolean suggested = report.suggestions().stream()
                .anyMatch(s -> s.type().equals(Suggestion.KNOWN_ISSUE) && s.targetId() == knownIssueId);
        reports.decide(report.id(), new ReportService.Decision(suggested ? "confirm" : "other-known-issue",
                knownIssueId, null, null), ENGINEER);
    }

    /** Undoes one fold's teaching: its reports and the signature terms they added. */
    private void forget() {
        jdbc.update("delete from report");
        jdbc.update("delete from known_issue_signature where origin = 'FEEDBACK'");
        events.publishEvent(new KnownIssuesChanged(0));
    }

    /** Metrics per group of queries: all, q…, h…, and per kind. */
    private static final class Groups {
        private final Map<String, RankingMetrics[]> metrics = new LinkedHashMap<>();
        private final Map<String, int[]> noMatch = new LinkedHashMap<>();

        void add(EvalSet.Query query, List<String> ours, boolean confident, List<String> plain) {
            for (String group : List.of("all", query.hard() ? "h…" : "q…", (query.hard() ? "h:" : "q:") + query.kind())) {
                if (query.expected().isEmpty()) {
                    int[] counts = noMatch.computeIfAbsent(group, key -> new int[2]);
                    counts[0] += confident ? 0 : 1;
                    counts[1]++;
                    continue;
                }
                RankingMetrics[] pair = metrics.computeIfAbsent(group,
                        key -> new RankingMetrics[] {new RankingMetrics(), new RankingMetrics()});
                pair[0].add(ours, query.expected());
                if (plain != null) {
                    pair[1].add(plain, query.expected());
                }
            }
        }

        void addAll(Groups other) {
            other.metrics.forEach((group, pair) -> {
                RankingMetrics[] mine = metrics.computeIfAbsent(group,
                        key -> new RankingMetrics[] {new RankingMetrics(), new RankingMetrics()});
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
            noMatch.forEach((group, counts) -> System.out.printf("%-15s %4d | answered \"no confident match\": %d of %d%n",
                    group + " (none)", counts[1], counts[0], counts[1]));
        }
    }
}
