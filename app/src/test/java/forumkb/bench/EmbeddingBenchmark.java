package forumkb.bench;

import forumkb.extract.EntityExtractor;
import forumkb.extract.SymptomLines;
import forumkb.index.ChangePosition;
import forumkb.index.IndexedThread;
import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import forumkb.system.CommandLine;
import forumkb.triage.SentenceEmbeddings;
import forumkb.triage.ThreadVectors;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code benchmark-embeddings [FOLDER] [--no-fusion]}: the model's load time and memory,
 * its speed on eval-dev thread texts, the quality of ranking the eval corpus by cosine
 * for several ways of writing threads and queries as text, the best cosines of queries
 * that no thread answers, and our search fused with the embedding ranking (over an
 * application of its own, like {@code benchmark-search-quality}).
 */
class EmbeddingBenchmark implements CommandLine.Command {

	/** How deep each ranking goes into a fusion: three result pages of our search. */
	private static final int FUSION_DEPTH = 30;

	private final SentenceEmbeddings embeddings;

	private final SymptomLines symptoms = new SymptomLines(new EntityExtractor());

	EmbeddingBenchmark(SentenceEmbeddings embeddings) {
		this.embeddings = embeddings;
	}

	@Override
	public String name() {
		return "benchmark-embeddings";
	}

	@Override
	public String usage() {
		return "benchmark-embeddings [EVAL-FOLDER] [--no-fusion] [--throughput THREADS] [--speed-only]"
				+ "   sentence-embedding quality, speed, memory, fusion";
	}

	@Override
	public int run(String[] args) {
		Path folder = EvalSet.folderIn(args);
		try {
			EvalSet eval = EvalSet.load(folder);
			List<ParsedThread> threads = eval.threads();
			ModelCost.measure(embeddings).print();
			throughput(Options.intOption(args, "--throughput", 1_000));
			if (Options.flag(args, "--speed-only")) {
				return 0;
			}
			List<String> ids = threads.stream().map(ParsedThread::externalId).toList();

			Map<String, EvalThreadEmbeddings> variants = new LinkedHashMap<>();
			variants.put("title", vectors(ids, threads, ThreadTexts::title));
			variants.put("title+post1", vectors(ids, threads, ThreadTexts::titleAndFirstPost));
			variants.put("max of chunks", vectors(ids, threads, ThreadTexts::chunks));
			Map<String, Map<String, float[]>> queryVectors = new LinkedHashMap<>();
			queryVectors.put("whole", queryVectors(eval, EvalSet.Query::text));
			queryVectors.put("symptoms", queryVectors(eval, query -> symptoms.reduce(query.text())));

			QualityTable table = new QualityTable(eval.queries());
			System.out.println("\nEmbedding ranking of all " + ids.size() + " threads (thread text / query text)");
			table.header();
			variants.forEach((threadText, vectors) -> queryVectors.forEach((queryText, byQid) -> table
				.row(threadText + " / " + queryText, query -> idsOf(vectors.rank(byQid.get(query.qid()))))));
			variants.forEach((threadText,
					vectors) -> queryVectors.forEach((queryText, byQid) -> CosineThresholds
						.of(eval, query -> vectors.rank(byQid.get(query.qid())))
						.print(threadText + " / " + queryText)));

			if (!List.of(args).contains("--no-fusion")) {
				fusion(eval, table, variants, queryVectors);
			}
			return 0;
		}
		catch (IOException e) {
			System.err.println("benchmark failed: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * The texts the vector backlog embeds for generated threads, through langchain4j's
	 * model (the path until 2026-12-07) and through ours, in one run: CPU-seconds and
	 * threads a second, extrapolated to a 200,000-thread import on this machine's cores.
	 */
	private void throughput(int threadCount) {
		CorpusGenerator generator = new CorpusGenerator(42);
		List<List<String>> perThread = new ArrayList<>();
		for (int i = 0; i < threadCount; i++) {
			perThread.add(ThreadVectors.texts(indexed(generator.nextThread())));
		}
		List<String> texts = perThread.stream().flatMap(List::stream).toList();
		System.out.printf(
				"throughput over %,d generated threads, %,d texts (%.2f a thread), load average %.1f before%n",
				threadCount, texts.size(), texts.size() / (double) threadCount, ModelCost.loadAverage());
		EmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
		langchain4j.embed("warm up");
		List<TextSegment> segments = texts.stream()
			.map(text -> TextSegment.from(SentenceEmbeddings.truncate(text)))
			.toList();
		report("langchain4j, embed one at a time", threadCount, () -> segments.forEach(langchain4j::embed));
		report("langchain4j, embedAll", threadCount, () -> langchain4j.embedAll(segments));
		int most = SentenceEmbeddings.MAX_TOKENS;
		for (int tokens : List.of(most, 96, 64)) {
			report("ours, a text a run, " + tokens + " tokens", threadCount,
					() -> embeddings.embedAll(texts, tokens, 1));
		}
		for (int textsPerRun : List.of(4, 16)) {
			report("ours, " + textsPerRun + " texts a run, " + most + " tokens", threadCount,
					() -> embeddings.embedAll(texts, most, textsPerRun));
		}
		System.out.printf("load average %.1f after%n", ModelCost.loadAverage());
	}

	private static void report(String how, int threads, Runnable embedding) {
		long start = System.nanoTime();
		long cpuStart = ModelCost.cpuNanos();
		embedding.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuPerThread = (ModelCost.cpuNanos() - cpuStart) / 1e9 / threads;
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf(
				"throughput %-34s %.1f threads/s, %.4f CPU-s a thread -> 200,000 threads in %.0f min on %d idle cores%n",
				how, threads / seconds, cpuPerThread, 200_000 * cpuPerThread / cores / 60, cores);
	}

	/** A generated thread as the index feed hands it to the vector backlog. */
	private static IndexedThread indexed(ParsedThread thread) {
		String question = thread.posts().getFirst().body();
		String accepted = null;
		StringBuilder others = new StringBuilder();
		for (ParsedPost post : thread.posts().subList(1, thread.posts().size())) {
			if (post.accepted() && accepted == null) {
				accepted = post.body();
			}
			else {
				others.append(post.body()).append("\n\n");
			}
		}
		return new IndexedThread(0, ChangePosition.START, thread.source(), thread.url(), thread.title(), thread.topic(),
				thread.subtopic(), thread.tags(), thread.createdAt(), thread.lastActivityAt(), thread.replies(),
				thread.views(), false, question, accepted, others.isEmpty() ? null : others.toString(), List.of());
	}

	private EvalThreadEmbeddings vectors(List<String> ids, List<ParsedThread> threads,
			Function<ParsedThread, List<String>> text) {
		List<List<String>> texts = threads.stream().map(text).toList();
		long start = System.nanoTime();
		EvalThreadEmbeddings vectors = EvalThreadEmbeddings.embed(embeddings, ids, texts);
		System.out.printf("embedded %d texts for %d threads in %.1f s%n", texts.stream().mapToInt(List::size).sum(),
				threads.size(), (System.nanoTime() - start) / 1e9);
		return vectors;
	}

	private Map<String, float[]> queryVectors(EvalSet eval, Function<EvalSet.Query, String> text) {
		List<float[]> vectors = embeddings.embedAll(eval.queries().stream().map(text).toList());
		Map<String, float[]> byQid = new HashMap<>();
		for (int i = 0; i < vectors.size(); i++) {
			byQid.put(eval.queries().get(i).qid(), vectors.get(i));
		}
		return byQid;
	}

	private void fusion(EvalSet eval, QualityTable table, Map<String, EvalThreadEmbeddings> variants,
			Map<String, Map<String, float[]>> queryVectors) throws IOException {
		Map<String, List<EvalSearch.Scored>> ours = new HashMap<>();
		try (EvalSearch search = EvalSearch.load(eval.corpus())) {
			eval.queries().forEach(query -> ours.put(query.qid(), search.ranking(query.text(), FUSION_DEPTH / 10)));
		}
		// Symptom lines change only the long logs and did not change the embedding
		// ranking: whole queries here.
		Map<String, float[]> whole = queryVectors.get("whole");
		for (String variant : List.of("title+post1", "max of chunks")) {
			Function<EvalSet.Query, List<EvalSearch.Scored>> embedded = query -> variants.get(variant)
				.rank(whole.get(query.qid()))
				.subList(0, FUSION_DEPTH);
			System.out.println("\nFusion of our search (first " + FUSION_DEPTH + ") with embeddings of " + variant);
			table.header();
			table.row("search only", query -> idsOf(ours.get(query.qid())));
			table.row("embeddings only", query -> idsOf(embedded.apply(query)));
			for (double weight : List.of(0.2, 0.3, 0.4, 0.5, 0.6, 0.7)) {
				table.row("RRF k=60, embedding weight " + weight,
						query -> RankFusion.reciprocalRank(ours.get(query.qid()), embedded.apply(query), weight));
			}
			for (double weight : List.of(0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) {
				table.row("min-max sum, embedding weight " + weight,
						query -> RankFusion.weightedScores(ours.get(query.qid()), embedded.apply(query), weight));
			}
		}
	}

	private static List<String> idsOf(List<EvalSearch.Scored> ranking) {
		List<String> ids = new ArrayList<>(ranking.size());
		ranking.forEach(scored -> ids.add(scored.externalId()));
		return ids;
	}

}
