package forumkb.bench;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import forumkb.ingest.parse.PostRole;
import forumkb.ingest.parse.Provenance;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded, deterministic source of realistic forum threads for benchmarks, in the
 * canonical JSON Lines import format. The same seed always yields the same sequence of
 * threads; each thread is built, written and dropped, so any number of threads can be
 * streamed in constant memory.
 *
 * <p>
 * Generated threads use source {@value #SOURCE}, external ids {@code gen-<seed>-<n>} and
 * URLs under the reserved {@code .invalid} domain, so they can never collide with real
 * threads ingested into the same database. Not thread-safe: use one generator per thread.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     new CorpusGenerator(42).writeJsonLines(200_000, out);
 * }
 * }</pre>
 */
public final class CorpusGenerator {

	public static final String SOURCE = "generated";

	/**
	 * Relative weights of 1..12 posts a thread: mostly a handful, a long tail (mean ≈
	 * 5.9).
	 */
	private static final int[] POST_COUNT_WEIGHTS = { 8, 9, 10, 11, 11, 10, 9, 8, 7, 6, 5, 6 };

	private static final long FIRST_SECOND = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST_SECOND = Instant.parse("2026-10-31T00:00:00Z").getEpochSecond();

	private static final Theme[] THEMES = Theme.load("/bench/themes.txt");

	private final long seed;

	private final Provenance provenance;

	private final Rng rng;

	private final Composer composer;

	private long sequence;

	public CorpusGenerator(long seed) {
		this.seed = seed;
		this.provenance = Provenance.of("corpus-generator:seed=" + seed);
		this.rng = new Rng(seed);
		this.composer = new Composer(rng);
	}

	/**
	 * Writes the next {@code threadCount} threads, one JSON object per line; leaves
	 * {@code out} open.
	 */
	public void writeJsonLines(int threadCount, Writer out) {
		try (ThreadJsonWriter json = new ThreadJsonWriter(out)) {
			for (int i = 0; i < threadCount; i++) {
				json.write(nextThread());
			}
		}
	}

	/** The next thread as one line of JSON, without the trailing newline. */
	public String nextThreadJson() {
		StringWriter line = new StringWriter(8_192);
		writeJsonLines(1, line);
		return line.toString().stripTrailing();
	}

	/**
	 * The next thread in the ingest model, so benchmarks can also feed the pipeline
	 * directly, skipping JSON; its provenance names the generator and seed.
	 */
	public ParsedThread nextThread() {
		long n = ++sequence;
		Theme theme = THEMES[rng.below(THEMES.length)];
		long created = rng.between(FIRST_SECOND, LAST_SECOND);
		composer.begin(theme, created);
		String title = composer.title();
		List<ParsedPost> posts = posts(created);
		String externalId = "gen-" + seed + "-" + n;
		return new ParsedThread(SOURCE, externalId, "https://forums.generated.invalid/thread/" + externalId, title,
				theme.topic(), theme.subtopic(), tags(theme), Instant.ofEpochSecond(created),
				posts.getLast().createdAt(), posts.size() - 1, boosts(), views(), posts, false, provenance);
	}

	private List<ParsedPost> posts(long created) {
		int count = 1 + rng.weighted(POST_COUNT_WEIGHTS);
		List<ParsedPost> posts = new ArrayList<>(count);
		String asker = rng.pick(ForumPhrases.AUTHORS);
		posts.add(new ParsedPost(asker, composer.question(), Instant.ofEpochSecond(created), PostRole.QUESTION, false));
		// Threads with a staff reply are often resolved; whether one is accepted is
		// decided once.
		int acceptedIndex = rng.chance(0.4) ? -2 : -1;
		long at = created;
		for (int i = 1; i < count; i++) {
			at += rng.between(300, 3 * 86_400);
			boolean staff = rng.chance(0.3);
			boolean answer = staff || rng.chance(0.35);
			boolean accepted = answer && acceptedIndex == -2;
			if (accepted) {
				acceptedIndex = i;
			}
			String author = staff ? rng.pick(ForumPhrases.STAFF)
					: rng.chance(0.35) ? asker : rng.pick(ForumPhrases.AUTHORS);
			posts.add(new ParsedPost(author, answer ? composer.answer(staff) : composer.comment(),
					Instant.ofEpochSecond(at), answer ? PostRole.ANSWER : PostRole.COMMENT, accepted));
		}
		return posts;
	}

	private List<String> tags(Theme theme) {
		String[] all = theme.tags();
		int count = Math.min(all.length, 1 + rng.below(2));
		return List.of(all).subList(0, count);
	}

	/** Most threads get no boosts; a few get many. */
	private int boosts() {
		int boosts = 0;
		while (boosts < 40 && rng.chance(0.45)) {
			boosts++;
		}
		return boosts;
	}

	/** Log-uniform between 20 and about 60,000 views, as forum view counts spread. */
	private int views() {
		return (int) Math.round(20 * Math.pow(3_000, rng.below(10_000) / 10_000.0));
	}

}
