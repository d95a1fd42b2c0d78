package forumkb.triage;

import forumkb.system.BadRequestException;
import static forumkb.index.IndexFields.*;

import forumkb.extract.EntityExtractor;
import forumkb.extract.ExtractedEntity;
import forumkb.extract.SymptomLines;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.SignatureTerm;
import forumkb.search.LexicalReader;
import forumkb.search.LuceneHits;
import forumkb.search.QueryBuilderService;
import forumkb.search.SearchBackend;
import forumkb.search.SearchQuery;
import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import forumkb.search.SearchService;
import forumkb.search.TellingWords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(TriageService.class);

	static final int SUGGESTIONS = 10;

	/** As deep as the fusion scales: a thread below the 30th adds nothing lexically. */
	private static final int THREAD_CANDIDATES = 30;

	private static final int KNOWN_ISSUE_CANDIDATES = 20;

	/**
	 * Each further linked thread that matches adds this share of its score to the known
	 * issue.
	 */
	private static final float LINKED_SHARE = 0.3f;

	private static final float PHRASE_BONUS = 3f;

	private static final float SIGNATURE_BONUS = 0.5f;

	private static final int SEMANTIC_CANDIDATES = 30;

	/** Both rankings are scaled to [0, 1] between their best and their 30th candidate. */
	private static final int FUSED_DEPTH = 30;

	/**
	 * The embeddings' share of the fused score (benchmark-embeddings: 0.6–0.7 did best on
	 * eval-dev).
	 */
	private static final float SEMANTIC_WEIGHT = 0.6f;

	private final SearchBackend backend;

	private final KnownIssueIndex knownIssues;

	private final QueryBuilderService queries;

	private final SearchService search;

	/**
	 * The known issues' hits: they are a small Lucene index in process on either backend.
	 */
	private final LuceneHits luceneHits;

	private final EntityExtractor extractor = new EntityExtractor();

	private final SymptomLines symptoms = new SymptomLines(extractor);

	private final ConfidenceRule confidence = new ConfidenceRule();

	private final SentenceEmbeddings embeddings;

	private final ThreadVectors vectors;

	private final Timer latency;

	private final ExecutorService embedder = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().daemon().name("triage-embed-", 0).factory());

	TriageService(SearchBackend backend, KnownIssueIndex knownIssues, QueryBuilderService queries, SearchService search,
			LuceneHits luceneHits, SentenceEmbeddings embeddings, ThreadVectors vectors, MeterRegistry meters) {
		this.luceneHits = luceneHits;
		this.embeddings = embeddings;
		this.vectors = vectors;
		this.backend = backend;
		this.knownIssues = knownIssues;
		this.queries = queries;
		this.search = search;
		this.latency = Timer.builder("forumkb.triage")
			.description("Triage latency")
			.publishPercentileHistogram()
			.register(meters);
	}

	/** Triage as anyone sees it: nothing drawn from reports is shown. */
	public TriageResult triage(String text) {
		return triage(text, false);
	}

	/**
	 * Reports assigned to known issues help rank them for everyone, but their text shows
	 * in snippets, matched terms and reasons only when {@code readsReports} (engineers).
	 */
	public TriageResult triage(String text, boolean readsReports) {
		if (text == null || text.isBlank()) {
			throw new BadRequestException("paste the error text, log or crash report to triage");
		}
		if (text.length() > MAX_TEXT) {
			throw new BadRequestException(
					"the text is longer than " + MAX_TEXT + " characters: paste the part around the error");
		}
		long started = System.nanoTime();
		String symptom = symptoms.reduce(text);
		QueryBuilderService.Built built = queries.build(new SearchQuery(symptom, List.of(), Map.of(), null, null));
		// The text is embedded while the threads are ranked: the two take about as long
		// and use different cores.
		CompletableFuture<float[]> queryVector = vectors.enabled()
				? CompletableFuture.supplyAsync(() -> embeddings.embed(symptom), embedder).exceptionally(e -> {
					log.warn("Embedding the triage text failed; ranking without semantic similarity", e);
					return null;
				}) : CompletableFuture.completedFuture(null);
		List<Suggestion> suggestions = latency.record(() -> backend.lexically(threads -> knownIssues
			.read(snapshot -> rank(threads, snapshot, built, symptom, queryVector, readsReports))));
		boolean confident = suggestions.stream().anyMatch(s -> s.confidence() == Confidence.HIGH);
		return new TriageResult(suggestions.stream().filter(s -> s.confidence() != Confidence.LOW).toList(),
				suggestions.stream().filter(s -> s.confidence() == Confidence.LOW).toList(), confident, chips(symptom),
				symptom.equals(text) ? null : symptom, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A known issue a text matches on its own evidence, as a newly arrived thread is
	 * checked.
	 */
	public record KnownIssueMatch(long knownIssueId, float score, Confidence confidence) {
	}

	/**
	 * The known issues a text matches with high or medium confidence on lexical evidence
	 * alone: shared rare entities and signature phrases. Cheap enough to run on every
	 * arriving thread (no embedding, no thread ranking).
	 */
	public List<KnownIssueMatch> matchKnownIssues(String text) {
		String symptom = symptoms.reduce(text);
		QueryBuilderService.Built built = queries.build(new SearchQuery(symptom, List.of(), Map.of(), null, null));
		String lower = symptom.toLowerCase(Locale.ROOT);
		return backend.lexically(threads -> knownIssues.read(snapshot -> {
			if (snapshot.issues().isEmpty()) {
				return List.<KnownIssueMatch>of();
			}
			try {
				Query query = threads.cut(built.query());
				IndexSearcher issues = snapshot.searcher(threads.counts(terms(query)));
				ScoreDoc[] top = issues.search(query, KNOWN_ISSUE_CANDIDATES).scoreDocs;
				List<Hit> hits = luceneHits.hits(issues, built, query, top);
				LexicalReader.TermCounts counts = threads.counts(entityTerms(hits));
				long threadCount = threads.threads();
				List<KnownIssueMatch> matches = new ArrayList<>();
				for (int i = 0; i < hits.size(); i++) {
					KnownIssue issue = snapshot.issues().get(hits.get(i).id());
					Confidence level = confidence.onItsOwn(matched(counts, hits.get(i)), threadCount,
							phrases(counts, threadCount, null, issue, lower).size());
					if (level != Confidence.LOW) {
						matches.add(new KnownIssueMatch(issue.id(), top[i].score, level));
					}
				}
				return matches;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}));
	}

	private List<Suggestion> rank(LexicalReader threads, KnownIssueIndex.Snapshot snapshot,
			QueryBuilderService.Built built, String symptom, CompletableFuture<float[]> embedding,
			boolean readsReports) {
		try {
			// Cut once by the threads' counts, so the known issues are searched with the
			// same words.
			Query query = threads.cut(built.query());
			Map<Long, Float> lexical = new LinkedHashMap<>();
			threads.top(query, THREAD_CANDIDATES).forEach(thread -> lexical.put(thread.id(), thread.score()));
			float[] queryVector = embedding.join();
			Map<Long, Float> semantic = new LinkedHashMap<>();
			if (queryVector != null) {
				vectors.nearest(queryVector, SEMANTIC_CANDIDATES)
					.forEach(near -> semantic.put(near.threadId(), near.cosine()));
			}
			Scale lexicalScale = Scale.of(List.copyOf(lexical.values()), FUSED_DEPTH);
			Scale semanticScale = Scale.of(List.copyOf(semantic.values()), FUSED_DEPTH);
			float semanticWeight = semantic.isEmpty() ? 0 : SEMANTIC_WEIGHT;
			Map<Long, Candidate> threadCandidates = new LinkedHashMap<>();
			for (Map.Entry<Long, Float> entry : lexical.entrySet()) {
				Float cosine = semantic.get(entry.getKey());
				threadCandidates
					.put(entry.getKey(),
							new Candidate(Suggestion.Type.THREAD, entry.getKey(), NO_DOC, entry.getValue(),
									fuse(lexicalScale.of(entry.getValue()),
											cosine == null ? 0 : semanticScale.of(cosine), semanticWeight),
									cosine, List.of()));
			}
			// A thread found by its vectors only counts once the text index holds it.
			Set<Long> held = threads
				.held(semantic.keySet().stream().filter(id -> !threadCandidates.containsKey(id)).toList());
			for (Map.Entry<Long, Float> entry : semantic.entrySet()) {
				if (held.contains(entry.getKey())) {
					threadCandidates.put(entry.getKey(),
							new Candidate(Suggestion.Type.THREAD, entry.getKey(), NO_DOC, 0,
									fuse(0, semanticScale.of(entry.getValue()), semanticWeight), entry.getValue(),
									List.of()));
				}
			}
			LexicalReader.TermCounts counts = snapshot.issues().isEmpty() ? null : threads.counts(terms(query));
			IndexSearcher issueSearcher = counts == null ? null : snapshot.searcher(counts);
			List<Candidate> candidates = new ArrayList<>(threadCandidates.values());
			if (issueSearcher != null) {
				candidates.addAll(knownIssueCandidates(issueSearcher, snapshot, query, threadCandidates, symptom,
						built.entityTerms().keySet(),
						new Fusion(lexicalScale, semanticScale, semanticWeight, queryVector)));
			}
			candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
			IndexSearcher shownIssues = readsReports || counts == null ? issueSearcher : snapshot.shownSearcher(counts);
			return suggestions(threads, issueSearcher, shownIssues, snapshot, built, query, candidates, symptom);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every term of a query: what scoring it on the known issues reads counts of. */
	private static Set<Term> terms(Query query) {
		Set<Term> terms = new HashSet<>();
		query.visit(QueryVisitor.termCollector(terms));
		return terms;
	}

	private static float fuse(float lexical, float semantic, float semanticWeight) {
		return (1 - semanticWeight) * lexical + semanticWeight * semantic;
	}

	/** The known issue's document in an index of known issues; null if it lacks it. */
	private static ScoreDoc docOf(IndexSearcher issues, long issueId) throws IOException {
		ScoreDoc[] found = issues.search(new TermQuery(new Term(ID, Long.toString(issueId))), 1).scoreDocs;
		return found.length == 0 ? null : new ScoreDoc(found[0].doc, 0);
	}

	/**
	 * A thread or known issue being ranked, with its lexical score; a known issue carries
	 * its document in the known-issue index ({@link #NO_DOC} when the query did not match
	 * it) and its linked threads that matched.
	 */
	private record Candidate(Suggestion.Type type, long id, int issueDoc, float lexical, float score, Float cosine,
			List<Long> linkedMatches) {
	}

	private static final int NO_DOC = -1;

	/**
	 * How the two rankings become one score: each on its own scale, then weighed; the
	 * query's vector is null when the embedding was not ready.
	 */
	private record Fusion(Scale lexicalScale, Scale semanticScale, float semanticWeight, float[] queryVector) {
	}

	private List<Candidate> knownIssueCandidates(IndexSearcher issues, KnownIssueIndex.Snapshot snapshot, Query query,
			Map<Long, Candidate> threads, String symptom, Set<String> queryTerms, Fusion fusion) throws IOException {
		Map<Long, ScoreDoc> direct = new HashMap<>();
		for (ScoreDoc doc : issues.search(query, KNOWN_ISSUE_CANDIDATES).scoreDocs) {
			direct.put(Long.parseLong(issues.storedFields().document(doc.doc, Set.of(ID)).get(ID)), doc);
		}
		Map<Long, List<Long>> linkedMatches = new HashMap<>();
		threads.keySet()
			.forEach(threadId -> snapshot.issuesByThread()
				.getOrDefault(threadId, List.of())
				.forEach(issueId -> linkedMatches.computeIfAbsent(issueId, id -> new ArrayList<>()).add(threadId)));
		List<Candidate> candidates = new ArrayList<>();
		String lower = symptom.toLowerCase(Locale.ROOT);
		for (KnownIssue issue : snapshot.issues().values()) {
			ScoreDoc doc = direct.get(issue.id());
			List<Long> linked = linkedMatches.getOrDefault(issue.id(), List.of());
			Float cosine = fusion.queryVector() == null ? null : snapshot.cosine(issue.id(), fusion.queryVector());
			float semantic = cosine == null ? 0 : fusion.semanticScale().of(cosine);
			if (doc == null && linked.isEmpty() && semantic <= 0) {
				continue;
			}
			float lexical = doc == null ? 0
					: fusion.lexicalScale().unclamped(doc.score + signatureBonus(issue, lower, queryTerms));
			float own = fuse(lexical, semantic, fusion.semanticWeight());
			List<Float> linkedScores = linked.stream()
				.map(id -> threads.get(id).score())
				.sorted(Comparator.reverseOrder())
				.toList();
			float best = linkedScores.isEmpty() ? 0 : linkedScores.getFirst();
			float score = Math.max(own, best) + Math.min(own, best) * LINKED_SHARE;
			for (int i = 1; i < linkedScores.size(); i++) {
				score += linkedScores.get(i) * LINKED_SHARE;
			}
			candidates.add(new Candidate(Suggestion.Type.KNOWN_ISSUE, issue.id(), doc == null ? NO_DOC : doc.doc,
					doc == null ? 0 : doc.score, score, cosine, linked));
		}
		return candidates;
	}

	/**
	 * Curated and confirmed signature terms found in the text, and signature phrases it
	 * contains.
	 */
	private static float signatureBonus(KnownIssue issue, String lowerText, Set<String> queryTerms) {
		float bonus = 0;
		for (SignatureTerm term : issue.signature()) {
			if (term.phrase()) {
				bonus += lowerText.contains(term.value().toLowerCase(Locale.ROOT)) ? PHRASE_BONUS : 0;
			}
			else if (trusted(term) && queryTerms
				.contains(EntityFields.fieldOf(term.kind()) + ":" + term.value().toLowerCase(Locale.ROOT))) {
				bonus += SIGNATURE_BONUS * (float) (1 + Math.log(term.weight()));
			}
		}
		return bonus;
	}

	/**
	 * Engineers' terms count at once; a term learned from reports only once a second
	 * report confirmed it, so one report's incidental API names do not pull unrelated
	 * text in.
	 */
	private static boolean trusted(SignatureTerm term) {
		return term.origin() == SignatureTerm.Origin.CURATED || term.weight() >= 2;
	}

	/**
	 * The ten best candidates with their confidence, the more confident first (by score
	 * within a label): a known issue leads only when it is at least as sure as the best
	 * thread. Confidence weighs everything a known issue learned, but its snippet,
	 * matched terms and reasons come from {@code shownIssues}, what the viewer may read.
	 */
	private List<Suggestion> suggestions(LexicalReader threads, IndexSearcher issues, IndexSearcher shownIssues,
			KnownIssueIndex.Snapshot snapshot, QueryBuilderService.Built built, Query query, List<Candidate> ranked,
			String symptom) throws IOException {
		List<Candidate> top = ranked.subList(0, Math.min(SUGGESTIONS, ranked.size()));
		Map<Long, Hit> threadHits = byId(threads.hits(built, query,
				top.stream()
					.filter(candidate -> candidate.type() == Suggestion.Type.THREAD)
					.map(candidate -> new LexicalReader.Scored(candidate.id(), candidate.lexical()))
					.toList()));
		Map<Long, Hit> issueHits = issues == null ? Map.of() : issueHits(issues, built, query, top);
		Map<Long, Hit> shownIssueHits = shownIssues == issues ? issueHits : shownHits(shownIssues, built, query, top);
		List<Hit> allHits = new ArrayList<>(threadHits.values());
		allHits.addAll(issueHits.values());
		allHits.addAll(shownIssueHits.values());
		Set<Term> counted = entityTerms(allHits);
		counted.addAll(TellingWords.terms(matchedWords(allHits)));
		LexicalReader.TermCounts counts = threads.counts(counted);
		float best = top.isEmpty() ? 0 : top.getFirst().score();
		String lower = symptom.toLowerCase(Locale.ROOT);
		long threadCount = threads.threads();
		List<Suggestion> suggestions = new ArrayList<>();
		for (int rank = 0; rank < top.size(); rank++) {
			Candidate candidate = top.get(rank);
			boolean knownIssue = candidate.type() == Suggestion.Type.KNOWN_ISSUE;
			Hit hit = knownIssue ? issueHits.get(candidate.id()) : threadHits.get(candidate.id());
			KnownIssue issue = knownIssue ? snapshot.issues().get(candidate.id()) : null;
			List<Suggestion.Related> related = knownIssue ? related(issue, candidate.linkedMatches()) : List.of();
			float next = rank + 1 < ranked.size() ? ranked.get(rank + 1).score() : 0;
			Suggestion.Evidence evidence = new Suggestion.Evidence(candidate.score(), candidate.score() - next,
					best <= 0 ? 0 : candidate.score() / best,
					ConfidenceRule.rareCount(matched(counts, hit), threadCount),
					candidate.cosine() == null ? 0 : candidate.cosine());
			Confidence level = confidence.of(evidence);
			Hit shown = knownIssue ? shownIssueHits.get(candidate.id()) : hit;
			KnownIssue shownIssue = issue == null || shownIssues == issues ? issue : issue.withoutLearnedTerms();
			List<Suggestion.Matched> matched = matched(counts, shown);
			List<String> phrases = phrases(counts, threadCount, shown, shownIssue, lower);
			List<Suggestion.SnippetPart> parts = shown == null ? List.of()
					: shown.snippetParts()
						.stream()
						.map(part -> new Suggestion.SnippetPart(part.text(), part.match()))
						.toList();
			suggestions.add(new Suggestion(candidate.type(), candidate.id(), knownIssue ? issue.title() : hit.title(),
					knownIssue ? "/known-issues/" + issue.id() : hit.url(), candidate.score(), level, matched, phrases,
					candidate.cosine(), shown == null ? "" : shown.snippet(), parts,
					knownIssue ? issue.statusLabel() : null, related,
					Explanations.why(telling(matched, threadCount), phrases, related.size(), threadCount), evidence));
		}
		suggestions.sort(Comparator.comparing(Suggestion::confidence));
		return suggestions;
	}

	private Map<Long, Hit> issueHits(IndexSearcher issues, QueryBuilderService.Built built, Query query,
			List<Candidate> top) throws IOException {
		ScoreDoc[] docs = top.stream()
			.filter(c -> c.type() == Suggestion.Type.KNOWN_ISSUE && c.issueDoc() != NO_DOC)
			.map(c -> new ScoreDoc(c.issueDoc(), c.lexical()))
			.toArray(ScoreDoc[]::new);
		return byId(luceneHits.hits(issues, built, query, docs));
	}

	private static Map<Long, Hit> byId(List<Hit> hits) {
		Map<Long, Hit> byId = new HashMap<>();
		hits.forEach(hit -> byId.put(hit.id(), hit));
		return byId;
	}

	/** The known issues' hits from their readable fields only, found there by id. */
	private Map<Long, Hit> shownHits(IndexSearcher shownIssues, QueryBuilderService.Built built, Query query,
			List<Candidate> top) throws IOException {
		List<ScoreDoc> docs = new ArrayList<>();
		for (Candidate candidate : top) {
			if (candidate.type() == Suggestion.Type.KNOWN_ISSUE && candidate.issueDoc() != NO_DOC) {
				ScoreDoc doc = docOf(shownIssues, candidate.id());
				if (doc != null) {
					docs.add(doc);
				}
			}
		}
		return byId(luceneHits.hits(shownIssues, built, query, docs.toArray(ScoreDoc[]::new)));
	}

	/**
	 * The hit's matched entities with how many threads carry each: rarer is stronger
	 * evidence.
	 */
	private static List<Suggestion.Matched> matched(LexicalReader.TermCounts counts, Hit hit) {
		if (hit == null) {
			return List.of();
		}
		List<Suggestion.Matched> matched = new ArrayList<>();
		for (Chip chip : hit.matched()) {
			Term term = entityTerm(chip);
			matched.add(new Suggestion.Matched(chip.kind(), chip.value(), term == null ? 0 : counts.docFreq(term)));
		}
		matched.sort(Comparator.comparingLong(Suggestion.Matched::threads));
		return matched;
	}

	/** The exact term of an entity the threads hold; null for a kind not indexed so. */
	private static Term entityTerm(Chip chip) {
		String field = EntityFields.fieldOf(chip.kind());
		return field == null ? null : new Term(field, chip.value().toLowerCase(Locale.ROOT));
	}

	/** The terms of the hits' matched entities: what {@link #matched} counts. */
	private static Set<Term> entityTerms(List<Hit> hits) {
		Set<Term> terms = new HashSet<>();
		hits.forEach(hit -> hit.matched()
			.stream()
			.map(TriageService::entityTerm)
			.filter(Objects::nonNull)
			.forEach(terms::add));
		return terms;
	}

	/** The hits' highlighted words: the candidates for {@link #phrases}. */
	private static List<String> matchedWords(Hit hit) {
		return hit.snippetParts()
			.stream()
			.filter(SnippetPart::match)
			.map(part -> part.text().strip())
			.distinct()
			.toList();
	}

	private static Set<String> matchedWords(List<Hit> hits) {
		Set<String> words = new HashSet<>();
		hits.forEach(hit -> words.addAll(matchedWords(hit)));
		return words;
	}

	/**
	 * Highlighted words of the snippet that tell threads apart (see
	 * {@link TellingWords}), and the known issue's signature phrases found in the text.
	 */
	private static List<String> phrases(LexicalReader.TermCounts counts, long threads, Hit hit, KnownIssue issue,
			String lowerText) {
		List<String> phrases = new ArrayList<>();
		if (issue != null) {
			issue.signature()
				.stream()
				.filter(SignatureTerm::phrase)
				.filter(term -> lowerText.contains(term.value().toLowerCase(Locale.ROOT)))
				.forEach(term -> phrases.add(term.value()));
		}
		if (hit != null) {
			for (String word : matchedWords(hit)) {
				if (phrases.size() < 8 && TellingWords.telling(word, counts, threads)) {
					phrases.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		return phrases.stream().distinct().toList();
	}

	/** The shared entities worth citing as a reason: the rare ones. */
	private static List<Suggestion.Matched> telling(List<Suggestion.Matched> matched, long threads) {
		return matched.stream().filter(m -> TellingWords.rare(m.threads(), threads)).toList();
	}

	private static List<Suggestion.Related> related(KnownIssue issue, List<Long> matchedThreads) {
		return issue.threads()
			.stream()
			.filter(thread -> matchedThreads.contains(thread.id()))
			.map(thread -> new Suggestion.Related(thread.id(), thread.title(), thread.url()))
			.toList();
	}

	private List<TriageResult.Entity> chips(String text) {
		Map<String, TriageResult.Entity> chips = new LinkedHashMap<>();
		for (ExtractedEntity entity : extractor.extract(text)) {
			Chip chip = search.chip(entity.kind().wireName(), entity.normalized());
			chips.putIfAbsent(entity.kind().wireName() + entity.normalized(),
					new TriageResult.Entity(chip.kind(), chip.value(), chip.meaning()));
		}
		return List.copyOf(chips.values());
	}

}
