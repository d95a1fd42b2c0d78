package forumkb.bench;

/**
 * Writes the title and post bodies of one thread at a time. The thread's subject (theme,
 * error, type, OS, app) is chosen once in {@link #begin}, so that every post of the
 * thread talks about the same thing, as replies in a real thread do; each post then
 * varies the phrasing. Mutable and single-threaded by design: it reuses its buffers to
 * stay fast.
 */
final class Composer {

	/** Bodies stop growing past this, keeping posts in the 200–2,000 character range. */
	private static final int MAX_BODY = 1_900;

	private final Rng rng;

	private final Artefacts artefacts;

	/**
	 * Replaced per post rather than cleared: a builder that once held a non-Latin-1
	 * character (a curly quote in an NSError message) stays UTF-16, and every later
	 * append pays for it.
	 */
	private StringBuilder buffer;

	Theme theme;

	ErrorSpec error;

	String type;

	String method;

	String os;

	String os2;

	String device;

	String app;

	String bundle;

	String symptom;

	int pid;

	long epochSecond;

	Composer(Rng rng) {
		this.rng = rng;
		this.artefacts = new Artefacts(rng, this);
	}

	void begin(Theme value, long createdEpochSecond) {
		theme = value;
		epochSecond = createdEpochSecond;
		error = rng.pick(theme.errors());
		type = rng.pick(theme.types());
		method = rng.pick(theme.methods());
		boolean mac = theme.mac() && (!theme.ios() || rng.chance(0.5));
		String[] versions = mac ? ForumPhrases.MACOS : ForumPhrases.IOS;
		os = rng.pick(versions);
		os2 = rng.pick(versions);
		device = rng.pick(mac ? ForumPhrases.MAC_DEVICES : ForumPhrases.IOS_DEVICES);
		app = rng.pick(ForumPhrases.PRODUCTS);
		bundle = "com." + rng.pick(ForumPhrases.COMPANIES) + "." + app.toLowerCase();
		symptom = rng.pick(theme.symptoms());
		pid = rng.between(180, 98_000);
	}

	String title() {
		buffer = new StringBuilder(1_024);
		expand(rng.pick(ForumPhrases.TITLES), buffer);
		buffer.setCharAt(0, Character.toUpperCase(buffer.charAt(0)));
		return buffer.toString();
	}

	String question() {
		buffer = new StringBuilder(1_024);
		sentence(rng.pick(ForumPhrases.OPENERS));
		int details = rng.between(0, 2);
		for (int i = 0; i < details; i++) {
			sentence(rng.pick(ForumPhrases.DETAILS));
		}
		int pieces = rng.between(1, 3);
		for (int i = 0; i < pieces && buffer.length() < MAX_BODY - 600; i++) {
			artefacts.any(buffer);
		}
		paragraph(rng.pick(ForumPhrases.ASKS));
		return buffer.toString();
	}

	/** An answer; staff answers end with a signature, as they do on the forums. */
	String answer(boolean staff) {
		buffer = new StringBuilder(1_024);
		sentence(rng.pick(ForumPhrases.ANSWER_OPENERS));
		sentence(rng.pick(ForumPhrases.ANSWER_FIXES));
		if (rng.chance(0.35)) {
			buffer.append("\n\n");
			artefacts.code(buffer);
		}
		else if (rng.chance(0.3)) {
			sentence(rng.pick(ForumPhrases.ANSWER_FIXES));
		}
		paragraph(rng.pick(ForumPhrases.ANSWER_CLOSERS));
		if (staff) {
			paragraph(rng.pick(ForumPhrases.STAFF_SIGNATURES));
		}
		return buffer.toString();
	}

	String comment() {
		buffer = new StringBuilder(1_024);
		sentence(rng.pick(ForumPhrases.COMMENTS));
		if (rng.chance(0.3)) {
			artefacts.logOrError(buffer);
		}
		else if (rng.chance(0.7)) {
			sentence(rng.pick(ForumPhrases.DETAILS));
		}
		return buffer.toString();
	}

	private void sentence(String template) {
		if (!buffer.isEmpty() && buffer.charAt(buffer.length() - 1) != '\n') {
			buffer.append(' ');
		}
		int start = buffer.length();
		expand(template, buffer);
		buffer.setCharAt(start, Character.toUpperCase(buffer.charAt(start)));
	}

	private void paragraph(String template) {
		buffer.append("\n\n");
		sentence(template);
	}

	/**
	 * Fills {@code {name}} placeholders. Anything in braces that is not a known name (a
	 * Swift closure, an ObjC literal) is copied as is, so code snippets need no escaping.
	 */
	void expand(String template, StringBuilder out) {
		int length = template.length();
		int from = 0; // start of the literal run not yet copied; copied in bulk, which is
						// much faster
		int open = template.indexOf('{');
		while (open >= 0) {
			int close = template.indexOf('}', open + 1);
			if (close > 0 && close - open <= 14) {
				int before = out.length();
				out.append(template, from, open);
				if (fill(template.substring(open + 1, close), out)) {
					from = close + 1;
				}
				else {
					out.setLength(before);
				}
			}
			open = template.indexOf('{', open + 1);
		}
		out.append(template, from, length);
	}

	private boolean fill(String name, StringBuilder out) {
		switch (name) {
			case "type" -> out.append(type);
			case "type2" -> out.append(rng.pick(theme.types()));
			case "method" -> out.append(method);
			case "method2" -> out.append(rng.pick(theme.methods()));
			case "function" -> out.append(rng.pick(theme.functions()));
			case "framework" -> out.append(theme.frameworks()[0]);
			case "entitlement" -> out.append(rng.pick(theme.entitlements()));
			case "process" -> expand(rng.pick(theme.processes()), out);
			case "appType" -> out.append(rng.pick(theme.appTypes()));
			case "domain" -> out.append(error.domain());
			case "code" -> out.append(error.code());
			case "symbol" -> out.append(error.symbol().isEmpty() ? "no symbol" : error.symbol());
			case "message" -> expand(error.message(), out);
			case "error" -> out.append(error.domain()).append(" Code=").append(error.code());
			case "symptom" -> out.append(symptom);
			case "cause" -> expand(rng.pick(theme.causes()), out);
			case "workaround" -> expand(rng.pick(theme.workarounds()), out);
			case "os" -> out.append(os);
			case "os2" -> out.append(os2);
			case "xcode" -> out.append(rng.pick(ForumPhrases.XCODE));
			case "device" -> out.append(device);
			case "app" -> out.append(app);
			case "bundle" -> out.append(bundle);
			case "service" -> out.append(bundle).append(".helper");
			case "host" -> out.append("api.").append(bundle, 4, bundle.lastIndexOf('.')).append(".com");
			case "pid" -> out.append(pid);
			case "uuid" -> artefacts.uuid(out);
			case "hex" -> rng.hex(out, 12);
			default -> {
				return false;
			}
		}
		return true;
	}

}
