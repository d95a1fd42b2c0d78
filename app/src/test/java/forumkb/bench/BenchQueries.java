package forumkb.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed, seeded set of queries as developers type or paste them, drawn from the same
 * theme sheets as the corpus: error lines and NSError dumps, bare codes, API names, short
 * symptom phrases, filtered searches and a few long pasted logs (2–5 KB).
 */
final class BenchQueries {

	/** One query and the kind it stands for, so latencies can be broken down by kind. */
	record Query(String kind, String text) {
	}

	static final List<String> KINDS = List.of("error line", "code", "api", "symptom", "filter", "pasted log");

	private static final Theme[] THEMES = Theme.load("/bench/themes.txt");

	private static final long FIRST_SECOND = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST_SECOND = Instant.parse("2026-10-31T00:00:00Z").getEpochSecond();

	private final Rng rng;

	private final Composer composer;

	private final Artefacts artefacts;

	private BenchQueries(long seed) {
		this.rng = new Rng(seed);
		this.composer = new Composer(rng);
		this.artefacts = new Artefacts(rng, composer);
	}

	/**
	 * {@code count} distinct queries; the same seed always gives the same list in the
	 * same order.
	 */
	static List<Query> generate(int count, long seed) {
		return new BenchQueries(seed).queries(count);
	}

	/**
	 * Crash logs as developers paste them into triage, about {@code size} characters
	 * each: a sentence of symptom, then crash reports and console lines of the same
	 * theme.
	 */
	static List<String> crashLogs(int count, int size, long seed) {
		BenchQueries generator = new BenchQueries(seed);
		List<String> logs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			logs.add(generator.crashLog(size));
		}
		return logs;
	}

	private String crashLog(int size) {
		composer.begin(rng.pick(THEMES), rng.between(FIRST_SECOND, LAST_SECOND));
		StringBuilder out = new StringBuilder(size + 2_048);
		out.append(composer.symptom).append(" on ").append(composer.os).append(". Crash report:\n\n");
		artefacts.crash(out);
		while (out.length() < size) {
			out.append("\n\n");
			if (rng.chance(0.7)) {
				artefacts.consoleLog(out);
			}
			else {
				artefacts.crash(out);
			}
		}
		return out.substring(0, size);
	}

	private List<Query> queries(int count) {
		int logs = Math.max(2, count / 50);
		int[] weights = { 22, 14, 18, 26, 14 };
		Set<Query> queries = new LinkedHashSet<>();
		for (int attempts = 0; queries.size() < count - logs && attempts < count * 20; attempts++) {
			composer.begin(rng.pick(THEMES), rng.between(FIRST_SECOND, LAST_SECOND));
			int kind = rng.weighted(weights);
			String text = switch (kind) {
				case 0 -> errorLine();
				case 1 -> code();
				case 2 -> api();
				case 3 -> symptom();
				default -> filter();
			};
			queries.add(new Query(KINDS.get(kind), text.strip()));
		}
		List<Query> all = new ArrayList<>(queries);
		for (int i = 0; i < logs; i++) {
			composer.begin(rng.pick(THEMES), rng.between(FIRST_SECOND, LAST_SECOND));
			all.add(rng.below(all.size() + 1), new Query(KINDS.getLast(), pastedLog()));
		}
		return all;
	}

	/**
	 * {@code Error Domain=… Code=… "…"} as printed, sometimes the whole dump with its
	 * UserInfo.
	 */
	private String errorLine() {
		StringBuilder out = new StringBuilder(512);
		if (rng.chance(0.35)) {
			artefacts.errorDump(out);
			return out.toString();
		}
		ErrorSpec error = composer.error;
		if (rng.chance(0.25)) {
			return error.domain() + " error " + error.code();
		}
		out.append("Error Domain=").append(error.domain()).append(" Code=").append(error.code()).append(" \"");
		composer.expand(error.message(), out);
		return out.append('"').toString();
	}

	private String code() {
		ErrorSpec error = composer.error;
		// Nobody searches for a bare "3"; small codes are typed with their field.
		String bare = Math.abs(error.code()) >= 100 ? Integer.toString(error.code()) : "code:" + error.code();
		return switch (rng.below(5)) {
			case 0 -> "code:" + error.code();
			case 1 -> "Code=" + error.code();
			case 2 -> error.symbol().isEmpty() ? bare : error.symbol();
			case 3 -> crashCode(rng.pick(ForumPhrases.EXCEPTIONS));
			default -> bare;
		};
	}

	/**
	 * A termination code such as {@code 0x8badf00d}, else the exception type
	 * ({@code EXC_BAD_ACCESS}).
	 */
	private static String crashCode(String[] exception) {
		int hex = exception[2].indexOf("0x");
		return hex >= 0 ? exception[2].substring(hex).split(" ")[0] : exception[0].split(" ")[0];
	}

	/**
	 * {@code NEFilterManager saveToPreferences}, a bare type or function, an entitlement.
	 */
	private String api() {
		Theme theme = composer.theme;
		return switch (rng.below(5)) {
			case 0, 1 -> composer.type + " " + baseName(composer.method);
			case 2 -> composer.type;
			case 3 -> rng.pick(theme.functions());
			default -> rng.chance(0.5) ? rng.pick(theme.entitlements()) : composer.method;
		};
	}

	/**
	 * Three to six words of a symptom, mostly its start, sometimes with the OS it happens
	 * on.
	 */
	private String symptom() {
		String phrase = words(composer.symptom, 3, 6);
		return rng.chance(0.25) ? phrase + " " + composer.os : phrase;
	}

	private String filter() {
		Theme theme = composer.theme;
		String tag = rng.pick(theme.tags());
		String tagFilter = "tag:" + (tag.contains(" ") ? "\"" + tag + "\"" : tag);
		return switch (rng.below(6)) {
			case 0 -> tagFilter + " has:answer";
			case 1 -> "framework:" + theme.frameworks()[0] + " " + words(composer.symptom, 3, 4);
			case 2 -> composer.type + " year:" + rng.between(2022, 2026);
			case 3 -> "code:" + composer.error.code() + " has:answer";
			case 4 -> words(composer.symptom, 3, 5) + " after:" + rng.between(2023, 2025) + "-0" + rng.between(1, 9);
			default -> "api:" + composer.type + " has:replies";
		};
	}

	/**
	 * Console logs, crash excerpts and error dumps pasted together, cut at a line near
	 * 2–5 KB.
	 */
	private String pastedLog() {
		int target = rng.between(2_000, 5_000);
		StringBuilder out = new StringBuilder(target + 2_048);
		while (out.length() < target) {
			switch (rng.below(3)) {
				case 0 -> artefacts.consoleLog(out);
				case 1 -> artefacts.crash(out);
				default -> artefacts.errorDump(out);
			}
			out.append("\n\n");
		}
		int cut = out.lastIndexOf("\n", 5_000);
		return out.substring(0, cut > 0 ? cut : Math.min(out.length(), 5_000)).strip();
	}

	private String words(String text, int min, int max) {
		String[] words = text.split("\\s+");
		int length = Math.min(words.length, rng.between(min, max));
		int from = rng.chance(0.6) ? 0 : rng.below(words.length - length + 1);
		return String.join(" ", List.of(words).subList(from, from + length));
	}

	/**
	 * {@code saveToPreferencesWithCompletionHandler:} → {@code saveToPreferences}, as
	 * people type it.
	 */
	private static String baseName(String method) {
		int end = method.length();
		for (char stop : new char[] { '(', ':' }) {
			int at = method.indexOf(stop);
			if (at > 0) {
				end = Math.min(end, at);
			}
		}
		return method.substring(0, end).replace("WithCompletionHandler", "");
	}

}
