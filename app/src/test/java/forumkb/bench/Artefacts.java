package forumkb.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The non-prose parts of posts: NSError dumps, console logs, crash report excerpts and
 * code blocks. These are what extraction and triage key on, so their shapes follow what
 * the OS and Xcode really print (addresses, pids and timestamps included, because the
 * indexer is expected to normalise them away).
 */
final class Artefacts {

	private static final int[] KIND_WEIGHTS = { 4, 3, 2, 3 }; // error dump, log, crash,
																// code

	private final Rng rng;

	private final Composer composer;

	Artefacts(Rng rng, Composer composer) {
		this.rng = rng;
		this.composer = composer;
	}

	/** One artefact of a random kind, introduced by a sentence that fits that kind. */
	void any(StringBuilder out) {
		int kind = rng.weighted(KIND_WEIGHTS);
		out.append("\n\n").append(rng.pick(ForumPhrases.ARTEFACT_INTROS[kind])).append("\n\n");
		switch (kind) {
			case 0 -> errorDump(out);
			case 1 -> consoleLog(out);
			case 2 -> crash(out);
			default -> code(out);
		}
	}

	void logOrError(StringBuilder out) {
		boolean dump = rng.chance(0.5);
		out.append("\n\n").append(rng.pick(ForumPhrases.ARTEFACT_INTROS[dump ? 0 : 1])).append("\n\n");
		if (dump) {
			errorDump(out);
		}
		else {
			consoleLog(out);
		}
	}

	void code(StringBuilder out) {
		composer.expand(rng.pick(composer.theme.code()), out);
	}

	void errorDump(StringBuilder out) {
		boolean fenced = rng.chance(0.5);
		out.append(fenced ? "```\n" : "");
		nsError(out);
		out.append(fenced ? "\n```" : "");
	}

	private void nsError(StringBuilder out) {
		ErrorSpec error = composer.error;
		if (!error.symbol().isEmpty() && rng.chance(0.4)) {
			out.append(rng.pick(composer.theme.functions()))
				.append(" returned ")
				.append(error.code())
				.append(" (")
				.append(error.symbol())
				.append(')');
			return;
		}
		boolean optional = rng.chance(0.3); // how Swift prints an `Error?` without
											// unwrapping
		out.append(optional ? "Optional(Error Domain=" : "Error Domain=")
			.append(error.domain())
			.append(" Code=")
			.append(error.code())
			.append(" \"");
		composer.expand(error.message(), out);
		out.append("\" UserInfo={");
		if (error.domain().equals("NSURLErrorDomain")) {
			out.append("NSErrorFailingURLStringKey=https://");
			composer.expand("{host}/v2/session, _kCFStreamErrorDomainKey=3, ", out);
			out.append("_kCFStreamErrorCodeKey=").append(rng.chance(0.6) ? -9802 : -9813).append(", ");
			out.append("NSUnderlyingError=0x6000");
			rng.hex(out, 8);
			out.append(" {Error Domain=kCFErrorDomainCFNetwork Code=")
				.append(error.code())
				.append(" \"(null)\"}, NSLocalizedDescription=");
		}
		else {
			out.append(rng.chance(0.5) ? "NSDebugDescription=" : "NSLocalizedDescription=");
		}
		composer.expand(error.message(), out);
		out.append(optional ? "})" : "}");
	}

	void consoleLog(StringBuilder out) {
		boolean unified = rng.chance(0.5);
		String process = processName();
		long second = composer.epochSecond - rng.between(0, 86_400);
		int lines = rng.between(3, 7);
		out.append("```\n");
		for (int i = 0; i < lines; i++) {
			second += rng.between(0, 3);
			timestamp(out, second);
			if (unified) {
				out.append(" 0x");
				rng.hex(out, 5);
				out.append(rng.chance(0.3) ? "    Error       0x0    " : "    Default     0x0    ")
					.append(composer.pid)
					.append("    0    ")
					.append(process)
					.append(": ");
			}
			else {
				out.append(' ')
					.append(process)
					.append('[')
					.append(composer.pid)
					.append(':')
					.append(rng.between(1_000, 900_000))
					.append("] ");
			}
			composer.expand(rng.pick(composer.theme.logLines()), out);
			out.append('\n');
		}
		out.append("```");
	}

	void crash(StringBuilder out) {
		String[] exception = rng.pick(ForumPhrases.EXCEPTIONS);
		int crashed = rng.between(0, 9);
		out.append("```\nProcess:             ")
			.append(composer.app)
			.append(" [")
			.append(composer.pid)
			.append("]\nOS Version:          ")
			.append(composer.os)
			.append("\nException Type:  ")
			.append(exception[0])
			.append('\n')
			.append(exception[1])
			.append("\nTermination Reason: ")
			.append(exception[2])
			.append("\nTriggered by Thread:  ")
			.append(crashed)
			.append("\n\nThread ")
			.append(crashed)
			.append(" Crashed:\n");
		int frames = rng.between(5, 10);
		int appFrame = rng.between(1, 3);
		for (int i = 0; i < frames; i++) {
			out.append(i).append(i < 10 ? "   " : "  ");
			if (i == appFrame) {
				frame(out, composer.app, 0x100000000L);
				String appType = rng.pick(composer.theme.appTypes());
				out.append(appType)
					.append('.')
					.append(swiftName())
					.append(" + ")
					.append(rng.between(16, 900))
					.append(" (")
					.append(appType)
					.append(".swift:")
					.append(rng.between(20, 400))
					.append(")\n");
			}
			else if (i == appFrame - 1 || i == appFrame + 1) {
				frame(out, composer.theme.frameworks()[0], 0x1a0000000L);
				out.append(systemSymbol()).append(" + ").append(rng.between(8, 600)).append('\n');
			}
			else {
				String[] system = rng.pick(ForumPhrases.SYSTEM_FRAMES);
				frame(out, system[0], 0x180000000L);
				out.append(system[1]).append('\n');
			}
		}
		out.append("```");
	}

	void uuid(StringBuilder out) {
		rng.hex(out, 8);
		out.append('-');
		rng.hex(out, 4);
		out.append('-');
		rng.hex(out, 4);
		out.append('-');
		rng.hex(out, 4);
		out.append('-');
		rng.hex(out, 12);
	}

	/** Image name padded to a column and a load address, as crash reports align them. */
	private void frame(StringBuilder out, String image, long base) {
		out.append(image);
		for (int pad = image.length(); pad < 26; pad++) {
			out.append(' ');
		}
		String address = Long.toHexString(base + rng.between(0L, 0x3fffffffL));
		out.append("\t0x").append("0000000000000000", address.length(), 16).append(address).append(' ');
	}

	/** ObjC selectors are shown as -[Type selector], Swift methods as Type.method. */
	private String systemSymbol() {
		String selector = rng.pick(composer.theme.methods());
		String owner = rng.pick(composer.theme.types());
		return selector.contains("(") || !selector.contains(":") ? owner + "." + selector
				: "-[" + owner + " " + selector + "]";
	}

	private String swiftName() {
		String selector = rng.pick(composer.theme.methods());
		int paren = selector.indexOf('(');
		int colon = selector.indexOf(':');
		String base = paren > 0 ? selector.substring(0, paren) : colon > 0 ? selector.substring(0, colon) : selector;
		return base + "()";
	}

	private String processName() {
		StringBuilder name = new StringBuilder(24);
		composer.expand(rng.pick(composer.theme.processes()), name);
		return name.toString();
	}

	private static void timestamp(StringBuilder out, long epochSecond) {
		LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
		out.append(t.getYear()).append('-');
		two(out, t.getMonthValue()).append('-');
		two(out, t.getDayOfMonth()).append(' ');
		two(out, t.getHour()).append(':');
		two(out, t.getMinute()).append(':');
		two(out, t.getSecond()).append('.').append(100_000 + (int) (epochSecond * 7919 % 900_000)).append("+0000");
	}

	private static StringBuilder two(StringBuilder out, int value) {
		return out.append(value < 10 ? "0" : "").append(value);
	}

}
