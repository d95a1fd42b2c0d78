package forumkb.triage;

import static forumkb.index.IndexFields.*;

import forumkb.extract.EntityExtractor;
import forumkb.extract.ExtractedEntity;
import forumkb.extract.SymptomLines;
import forumkb.index.SearchIndex;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.SignatureTerm;
import forumkb.search.QueryBuilderService;
import forumkb.search.SearchQuery;
import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import forumkb.search.SearchService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.stereotype.Service;

/**
 * Pasted text → ranked known issues and threads. One query (entities weighted by rarity,
 * field-aware prose, symbols) runs over threads and over the known issues with the
 * threads' statistics; a known issue adds its signature's matches and the signal of its
 * linked threads, so one whose threads match ranks above any lone thread.
 */
@Service
public class TriageService {

    public static final int MAX_TEXT = 100_000;
    static final int SUGGESTIONS = 10;
    private static final int THREAD_CANDIDATES = 50;
    private static final int KNOWN_ISSUE_CANDIDATES = 20;
    /** Each further linked thread that matches adds this share of its score to the known issue. */
    private static final float LINKED_SHARE = 0.3f;
    private static final float PHRASE_BONUS = 3f;
    private static final float SIGNATURE_BONUS = 0.5f;

    private final SearchIndex index;
    private final KnownIssueIndex knownIssues;
    private final QueryBuilderService queries;
    private final SearchService search;
    private final EntityExtractor extractor = new EntityExtractor();
    private final SymptomLines symptoms = new SymptomLines(extractor);
    private final ConfidenceRule confidence = new ConfidenceRule();
    private final Timer latency;

    TriageService(SearchIndex index, KnownIssueIndex knownIssues, QueryBuilderService queries, SearchService search,
            MeterRegistry meters) {
        this.index = index;
        this.knownIssues = knownIssues;
        this.queries = queries;
        this.search = search;
        this.latency = Timer.builder("forumkb.triage").description("Triage latency").publishPercentileHistogram()
                .register(meters);
    }

    public TriageResult triage(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("paste the error text, log or crash report to triage");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text is longer than " + MAX_TEXT
                    + " characters: paste the part around the error");
        }
        long started = System.nanoTime();
        String symptom = symptoms.reduce(text);
        QueryBuilderService.Built built = queries.build(new SearchQuery(symptom, List.of(), Map.of(), null, null));
        List<Suggestion> suggestions = latency.record(() -> index.search(threads -> knownIssues.read(
                snapshot -> rank(threads, snapshot, built, symptom))));
        boolean confident = suggestions.stream().anyMatch(s -> s.confidence() == Confidence.HIGH);
        return new TriageResult(suggestions, confident, chips(symptom), symptom.equals(text) ? null : symptom,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Suggestion> rank(IndexSearcher threads, KnownIssueIndex.Snapshot snapshot,
            QueryBuilderService.Built built, String symptom) {
        try {
            Query query = built.query();
            ScoreDoc[] threadDocs = threads.search(query, THREAD_CANDIDATES).scoreDocs;
            Map<Long, ScoreDoc> threadById = new LinkedHashMap<>();
            for (ScoreDoc doc : threadDocs) {
                threadById.put(Long.parseLong(threads.storedFields().document(doc.doc, Set.of(ID)).get(ID)), doc);
            }
            IndexSearcher issueSearcher = snapshot.searcher(threads);
            List<Candidate> candidates = new ArrayList<>();
            threadById.forEach((id, doc) -> candidates.add(new Candidate(Suggestion.THREAD, id, doc, doc.score,
                    List.of())));
            if (issueSearcher != null) {
                candidates.addAll(knownIssueCandidates(issueSearcher, snapshot, query, threadById, symptom,
                        built.entityTerms().keySet()));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
            List<Candidate> top = candidates.subList(0, Math.min(SUGGESTIONS, candidates.size()));
            return suggestions(threads, issueSearcher, snapshot, built, top, symptom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thread or known issue being ranked; a known issue carries its linked threads that matched. */
    private record Candidate(String type, long id, ScoreDoc doc, float score, List<Long> linkedMatches) {
    }

    private List<Candidate> knownIssueCandidates(IndexSearcher issues, KnownIssueIndex.Snapshot snapshot, Query query,
            Map<Long, ScoreDoc> threadById, String symptom, Set<String> queryTerms) throws IOException {
        Map<Long, ScoreDoc> direct = new HashMap<>();
        for (ScoreDoc doc : issues.search(query, KNOWN_ISSUE_CANDIDATES).scoreDocs) {
            direct.put(Long.parseLong(issues.storedFields().document(doc.doc, Set.of(ID)).get(ID)), doc);
        }
        Map<Long, List<Long>> linkedMatches = new HashMap<>();
        threadById.keySet().forEach(threadId -> snapshot.issuesByThread().getOrDefault(threadId, List.of())
                .forEach(issueId -> linkedMatches.computeIfAbsent(issueId, id -> new ArrayList<>()).add(threadId)));
        List<Candidate> candidates = new ArrayList<>();
        String lower = symptom.toLowerCase(Locale.ROOT);
        for (KnownIssue issue : snapshot.issues().values()) {
            ScoreDoc doc = direct.get(issue.id());
            List<Long> linked = linkedMatches.getOrDefault(issue.id(), List.of());
            if (doc == null && linked.isEmpty()) {
                continue;
            }
            float own = doc == null ? 0 : doc.score + signatureBonus(issue, lower, queryTerms);
            List<Float> linkedScores = linked.stream().map(id -> threadById.get(id).score)
                    .sorted(Comparator.reverseOrder()).toList();
            float best = linkedScores.isEmpty() ? 0 : linkedScores.getFirst();
            float score = Math.max(own, best) + Math.min(own, best) * LINKED_SHARE;
            for (int i = 1; i < linkedScores.size(); i++) {
                score += linkedScores.get(i) * LINKED_SHARE;
            }
            if (doc == null) {
                doc = new ScoreDoc(-1, 0);
            }
            candidates.add(new Candidate(Suggestion.KNOWN_ISSUE, issue.id(), doc, score, linked));
        }
        return candidates;
    }

    /** Curated and confirmed signature terms found in the text, and signature phrases it contains. */
    private static float signatureBonus(KnownIssue issue, String lowerText, Set<String> queryTerms) {
        float bonus = 0;
        for (SignatureTerm term : issue.signature()) {
            if (term.phrase()) {
                bonus += lowerText.contains(term.value().toLowerCase(Locale.ROOT)) ? PHRASE_BONUS : 0;
            } else if (queryTerms.contains(EntityFields.fieldOf(term.kind()) + ":" + term.value().toLowerCase(Locale.ROOT))) {
                bonus += SIGNATURE_BONUS * (float) (1 + Math.log(term.weight()));
            }
        }
        return bonus;
    }

    private List<Suggestion> suggestions(IndexSearcher threads, IndexSearcher issues, KnownIssueIndex.Snapshot snapshot,
            QueryBuilderService.Built built, List<Candidate> top, String symptom) throws IOException {
        Map<Long, Hit> threadHits = hitsById(threads, built, top, Suggestion.THREAD);
        Map<Long, Hit> issueHits = issues == null ? Map.of() : hitsById(issues, built, top, Suggestion.KNOWN_ISSUE);
        float best = top.isEmpty() ? 0 : top.getFirst().score();
        String lower = symptom.toLowerCase(Locale.ROOT);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate candidate : top) {
            boolean knownIssue = candidate.type().equals(Suggestion.KNOWN_ISSUE);
            Hit hit = knownIssue ? issueHits.get(candidate.id()) : threadHits.get(candidate.id());
            KnownIssue issue = knownIssue ? snapshot.issues().get(candidate.id()) : null;
            List<Suggestion.Matched> matched = matched(threads, hit);
            List<String> phrases = phrases(hit, issue, lower);
            List<Suggestion.Related> related = knownIssue ? related(issue, candidate.linkedMatches()) : List.of();
            Confidence level = confidence.of(candidate.score(), best, matched, threads.getIndexReader().numDocs(),
                    related.size());
            List<SnippetPart> parts = hit == null ? List.of() : hit.snippetParts();
            suggestions.add(new Suggestion(candidate.type(), candidate.id(),
                    knownIssue ? issue.title() : hit.title(), knownIssue ? "/known-issues/" + issue.id() : hit.url(),
                    candidate.score(), level, matched, phrases, null, hit == null ? "" : hit.snippet(), parts,
                    knownIssue ? issue.statusLabel() : null, related,
                    Explanations.why(matched, phrases, related.size(), threads.getIndexReader().numDocs())));
        }
        return suggestions;
    }

    private Map<Long, Hit> hitsById(IndexSearcher searcher, QueryBuilderService.Built built, List<Candidate> top,
            String type) throws IOException {
        ScoreDoc[] docs = top.stream().filter(c -> c.type().equals(type) && c.doc().doc >= 0).map(Candidate::doc)
                .toArray(ScoreDoc[]::new);
        Map<Long, Hit> byId = new HashMap<>();
        for (Hit hit : search.hits(searcher, built, built.query(), docs)) {
            byId.put(hit.id(), hit);
        }
        return byId;
    }

    /** The hit's matched entities with how many threads carry each: rarer is stronger evidence. */
    private static List<Suggestion.Matched> matched(IndexSearcher threads, Hit hit) throws IOException {
        if (hit == null) {
            return List.of();
        }
        List<Suggestion.Matched> matched = new ArrayList<>();
        for (Chip chip : hit.matched()) {
            String field = EntityFields.fieldOf(chip.kind());
            long docFreq = field == null ? 0 : threads.getIndexReader().docFreq(new Term(field,
                    chip.value().toLowerCase(Locale.ROOT)));
            matched.add(new Suggestion.Matched(chip.kind(), chip.value(), docFreq));
        }
        matched.sort(Comparator.comparingLong(Suggestion.Matched::threads));
        return matched;
    }

    /** Highlighted words of the snippet, and the known issue's signature phrases found in the text. */
    private static List<String> phrases(Hit hit, KnownIssue issue, String lowerText) {
        List<String> phrases = new ArrayList<>();
        if (issue != null) {
            issue.signature().stream().filter(SignatureTerm::phrase)
                    .filter(term -> lowerText.contains(term.value().toLowerCase(Locale.ROOT)))
                    .forEach(term -> phrases.add(term.value()));
        }
        if (hit != null) {
            hit.snippetParts().stream().filter(SnippetPart::match).map(part -> part.text().strip())
                    .filter(word -> !word.isEmpty()).map(word -> word.toLowerCase(Locale.ROOT)).distinct().limit(8)
                    .forEach(phrases::add);
        }
        return phrases.stream().distinct().toList();
    }

    private static List<Suggestion.Related> related(KnownIssue issue, List<Long> matchedThreads) {
        return issue.threads().stream().filter(thread -> matchedThreads.contains(thread.id()))
                .map(thread -> new Suggestion.Related(thread.id(), thread.title(), thread.url())).toList();
    }

    private List<Chip> chips(String text) {
        Map<String, Chip> chips = new LinkedHashMap<>();
        for (ExtractedEntity entity : extractor.extract(text)) {
            chips.putIfAbsent(entity.kind().wireName() + entity.normalized(),
                    search.chip(entity.kind().wireName(), entity.normalized()));
        }
        return List.copyOf(chips.values());
    }
}
