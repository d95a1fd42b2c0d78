package forumkb.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One left-to-right pass over a text: identifiers are cut by hand (cheap), classified by
 * {@link SymbolRules}, and only context words and method-like shapes run an anchored
 * regex. Digit-led runs (hex addresses, timestamps, pids, UUID parts, line numbers) are
 * skipped whole, so noise never reaches a rule. Not thread-safe; {@link EntityExtractor}
 * makes one per call.
 */
final class Scan {

	private static final Pattern REVERSE_DNS = Pattern.compile("com\\.apple\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

	private static final Pattern HYPHENATED = Pattern.compile("[a-z]+(?:-[a-z]+)+");

	private static final Pattern FRAMEWORK_WORD = Pattern.compile("\\s+[Ff]ramework\\b");

	private static final Pattern SOURCE_FILE = Pattern.compile("\\.(?:m|mm|h|c|cpp|swift)\\b");

	private static final Comparator<ExtractedEntity> TEXT_ORDER = Comparator.comparingInt(ExtractedEntity::start)
		.thenComparingInt(ExtractedEntity::end)
		.thenComparing(ExtractedEntity::kind);

	private final String text;

	private final int n;

	private final List<ExtractedEntity> out = new ArrayList<>();

	/**
	 * End of the last token of a dotted chain led by a type (WCSession.default.), or -1.
	 */
	private int chainEnd = -1;

	/** The type that leads the current dotted chain. */
	private String chainHead = "";

	/** Whether the identifier last cut by {@link #identEnd} is a plain word. */
	private boolean plain;

	private final Matcher matcher;

	Scan(String text) {
		this.text = text;
		this.n = text.length();
		this.matcher = REVERSE_DNS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
	}

	List<ExtractedEntity> run() {
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (c == '[') {
				i = bracket(i);
			}
			else if (isIdentStart(c)) {
				i = token(i, identEnd(i));
			}
			else if (c >= '0' && c <= '9') {
				i = identEnd(i); // a number, hex address or UUID part: never an
									// identifier
			}
			else {
				i++;
			}
		}
		return dedupe();
	}

	private int token(int s, int e) {
		String tok = text.substring(s, e);
		char next = e < n ? text.charAt(e) : '\0';
		boolean member = s > 0 && text.charAt(s - 1) == '.' && s - 1 == chainEnd;
		chainEnd = -1;
		if (plain && !member && next != '(' && next != ':' && !Vocabulary.PLAIN_KEYWORDS.contains(tok)
				&& (next != '.' || !tok.startsWith("lib") && !text.startsWith(".framework", e))) {
			return e; // ordinary prose word
		}
		char c0 = tok.charAt(0);
		if (next == '.' && tok.equals("com")) {
			return reverseDns(s, e);
		}
		if (next == '-' && Vocabulary.ENTITLEMENT_FIRST_WORDS.contains(tok)) {
			Matcher m = at(HYPHENATED, s);
			if (m != null && Vocabulary.PLAIN_ENTITLEMENTS.contains(m.group())) {
				return emit(EntityKind.ENTITLEMENT, s, m.end(), m.group());
			}
		}
		if (next == '.' && text.startsWith(".framework", e) && Character.isUpperCase(c0)
				&& (e + 10 >= n || !isIdentPart(text.charAt(e + 10)))) {
			return emit(EntityKind.FRAMEWORK, s, e + 10, tok);
		}
		if (next == '.' && tok.startsWith("lib") && text.startsWith(".dylib", e)) {
			return emit(EntityKind.FRAMEWORK, s, e + 6, tok); // libsystem_kernel.dylib: a
																// library, named bare
		}
		if (next == '(' && Character.isUpperCase(c0)) {
			int r = initializer(tok, s, e);
			if (r > 0) {
				return r;
			}
		}
		if (Character.isLowerCase(c0)) {
			int r = method(tok, s, e, next, member);
			if (r > 0) {
				return r;
			}
			if (CodeRules.isLogErrorKey(tok)) {
				Matcher m = at(CodeRules.AFTER_LOG_KEY, e);
				if (m != null) {
					return emit(EntityKind.CODE, s, m.end(1), tok + ":" + CodeRules.normalizeNumber(m.group(1)));
				}
			}
		}
		int r = symbol(tok, s, e);
		if (r > 0) {
			return r;
		}
		return context(tok, s, e);
	}

	/**
	 * Swift spellings, ObjC selectors and Type.member; returns the new position or -1.
	 */
	private int method(String tok, int s, int e, char next, boolean member) {
		if (next == '(') {
			Matcher m = at(MethodNames.SWIFT_LABELS, e);
			if (m != null && tok.equals("selector") && s > 0 && text.charAt(s - 1) == '#') {
				return emit(EntityKind.API_METHOD, m.start(1), m.end(1), stripSpace(m.group(1))); // #selector(foo:bar:)
			}
			if (m != null) {
				return emit(EntityKind.API_METHOD, s, m.end(), tok + "(" + stripSpace(m.group(1)) + ")");
			}
			if (member && text.startsWith("()", e)) {
				return emit(EntityKind.API_METHOD, s, e + 2, tok + "()");
			}
		}
		else if (next == ':' && !Vocabulary.OS_NAMES.containsKey(tok)) {
			char after = e + 1 < n ? text.charAt(e + 1) : '\0';
			if (after == ':' || after == '/') {
				return -1; // C++ scope or URL scheme
			}
			Matcher m = at(MethodNames.OBJC_PARTS, e);
			if (m != null) {
				return emit(EntityKind.API_METHOD, s, m.end(), tok + m.group());
			}
			if (MethodNames.isSingleSelector(tok, after)) {
				return emit(EntityKind.API_METHOD, s, e + 1, tok + ":");
			}
		}
		if (member) {
			chainEnd = e;
			if (isErrorType(chainHead) && !Vocabulary.ERROR_PROPERTIES.contains(tok)) {
				// NEHotspotConfigurationError.alreadyAssociated,
				// URLError.secureConnectionFailed: a Swift code
				return emit(EntityKind.CODE, s, e, chainHead + "." + tok);
			}
			if (MethodNames.isBareMethod(tok)) {
				return emit(EntityKind.API_METHOD, s, e, tok); // CXProvider.reportNewIncomingVoIPPushPayload
			}
		}
		return -1;
	}

	/**
	 * {@code NWConnection(host:port:using:)}: an initializer, as
	 * {@code init(host:port:using:)}.
	 */
	private int initializer(String tok, int s, int e) {
		Matcher m = at(MethodNames.SWIFT_LABELS, e);
		if (m == null || SymbolRules.classify(tok) != EntityKind.API_TYPE) {
			return -1;
		}
		emit(EntityKind.API_TYPE, s, e, tok);
		return emit(EntityKind.API_METHOD, s, m.end(), "init(" + stripSpace(m.group(1)) + ")");
	}

	/**
	 * Identifier kinds from {@link SymbolRules}; returns the new position or -1 to try
	 * contexts.
	 */
	private int symbol(String tok, int s, int e) {
		EntityKind kind = SymbolRules.classify(tok);
		if (kind == null) {
			if (Vocabulary.AMBIGUOUS_FRAMEWORKS.contains(tok) && at(FRAMEWORK_WORD, e) != null) {
				return emit(EntityKind.FRAMEWORK, s, e, tok);
			}
			return -1;
		}
		switch (kind) {
			case ERROR -> {
				Matcher m = at(CodeRules.AFTER_DOMAIN, e);
				if (m == null) {
					return emit(EntityKind.ERROR, s, e, tok);
				}
				String code = CodeRules.normalizeNumber(m.group(1));
				emit(EntityKind.ERROR, s, m.end(1), tok + ":" + code);
				return emit(EntityKind.CODE, m.start(1), m.end(1), code);
			}
			case CODE -> {
				emit(EntityKind.CODE, s, e, tok);
				numberBefore(s);
				Matcher m = at(CodeRules.AFTER_SYMBOL, e);
				return m == null ? e
						: emit(EntityKind.CODE, m.start(1), m.end(1), CodeRules.normalizeNumber(m.group(1)));
			}
			case API_TYPE -> {
				if (at(SOURCE_FILE, e) != null) {
					return e; // NEHotspotHelper.m:563 is a file in a crash frame
				}
				emit(EntityKind.API_TYPE, s, e, tok);
				chainEnd = e;
				chainHead = tok;
				return -1; // OSStatus is also a code context
			}
			default -> {
				if (kind == EntityKind.C_FUNCTION && isQuotedKey(s, e)) {
					return e; // "os_version": a JSON key in a crash report, not a
								// function
				}
				return emit(kind, s, e, tok);
			}
		}
	}

	/** Numbers and versions that are only entities after their context word. */
	private int context(String tok, int s, int e) {
		if (CodeRules.isHexContext(tok) || tok.equals("Reason")) {
			Matcher m = at(tok.equals("Reason") ? CodeRules.HEX_AFTER_REASON : CodeRules.HEX_AFTER_CODE, e);
			if (m != null) {
				return emit(EntityKind.CODE, m.start(1), m.end(1), CodeRules.normalizeHex(m.group(1)));
			}
		}
		if (CodeRules.isNumberContext(tok)) {
			Matcher m = at(CodeRules.AFTER_CONTEXT, e);
			if (m != null) {
				return emit(EntityKind.CODE, m.start(1), m.end(1), CodeRules.normalizeNumber(m.group(1)));
			}
			return e;
		}
		Pattern http = switch (tok) {
			case "HTTP", "http" -> CodeRules.AFTER_HTTP;
			case "status" -> CodeRules.AFTER_STATUS;
			case "statusCode" -> CodeRules.AFTER_STATUS_CODE;
			default -> null;
		};
		if (http != null) {
			Matcher m = at(http, e);
			return m == null ? e : emit(EntityKind.CODE, s, m.end(1), "HTTP:" + m.group(1));
		}
		return version(tok, s, e);
	}

	private int version(String tok, int s, int e) {
		if (tok.equals("Xcode")) {
			Matcher m = at(VersionRules.AFTER_XCODE, e);
			return m == null ? e
					: emit(EntityKind.XCODE_VERSION, s, m.end(), "Xcode " + VersionRules.trimVersion(m.group(1)));
		}
		String os = Vocabulary.OS_NAMES.get(tok);
		Matcher m = null;
		if (os != null) {
			m = at(VersionRules.AFTER_OS, e);
		}
		else if (tok.equals("OS")) {
			os = "macOS";
			m = at(VersionRules.AFTER_OS_X, e);
		}
		else if (Vocabulary.MACOS_NAMES.containsKey(tok)) {
			Matcher v = at(VersionRules.AFTER_MACOS_NAME, e);
			return v == null ? e
					: emit(EntityKind.OS_VERSION, s, v.end(), "macOS " + VersionRules.trimVersion(v.group(1)));
		}
		if (m == null) {
			return e;
		}
		String normalized = VersionRules.osVersion(os, m.group(1), m.group(2));
		return normalized == null ? e : emit(EntityKind.OS_VERSION, s, m.end(), normalized);
	}

	/**
	 * {@code -[NSXPCConnection setCodeSigningRequirement:]} or
	 * {@code [NEHotspotHelper supportedNetworkInterfaces]}.
	 */
	private int bracket(int i) {
		Matcher m = at(MethodNames.BRACKET, i);
		if (m == null) {
			return i + 1;
		}
		boolean frame = i > 0 && (text.charAt(i - 1) == '-' || text.charAt(i - 1) == '+');
		boolean type = SymbolRules.classify(m.group(1)) == EntityKind.API_TYPE;
		if (!frame && !type) {
			return i + 1; // [self foo], [array count]: not worth an entity
		}
		if (type) {
			emit(EntityKind.API_TYPE, m.start(1), m.end(1), m.group(1));
		}
		return emit(EntityKind.API_METHOD, m.start(2), m.end(2), m.group(2));
	}

	/**
	 * com.apple.developer.* / .security.* / .private.* are entitlements; other
	 * com.apple.* are services.
	 */
	private int reverseDns(int s, int e) {
		Matcher m = at(REVERSE_DNS, s);
		if (m == null) {
			return e;
		}
		String name = m.group();
		if (Vocabulary.NOT_SERVICES.contains(name) || name.startsWith("com.apple.root.")) {
			return m.end();
		}
		boolean entitlement = name.startsWith("com.apple.developer.") || name.startsWith("com.apple.security.")
				|| name.startsWith("com.apple.private.") || name.equals("com.apple.application-identifier");
		return emit(entitlement ? EntityKind.ENTITLEMENT : EntityKind.SERVICE, s, m.end(), name);
	}

	/**
	 * The number in "-34018 (errSecMissingEntitlement)": a code because the symbol names
	 * it.
	 */
	private void numberBefore(int s) {
		int j = skipSpacesBack(s - 1);
		if (j < 0 || text.charAt(j) != '(') {
			return;
		}
		int end = skipSpacesBack(j - 1) + 1;
		j = end - 1;
		while (j >= 0 && Character.isDigit(text.charAt(j))) {
			j--;
		}
		if (j == end - 1) {
			return;
		}
		if (j >= 0 && text.charAt(j) == '-') {
			j--;
		}
		if (j >= 0 && (isIdentPart(text.charAt(j)) || text.charAt(j) == '.' || text.charAt(j) == ':')) {
			return;
		}
		emit(EntityKind.CODE, j + 1, end, CodeRules.normalizeNumber(text.substring(j + 1, end)));
	}

	private int skipSpacesBack(int j) {
		while (j >= 0 && text.charAt(j) == ' ') {
			j--;
		}
		return j;
	}

	/**
	 * {@code p} anchored at {@code from}; one matcher serves the whole scan, so a result
	 * is valid until the next call.
	 */
	private Matcher at(Pattern p, int from) {
		matcher.usePattern(p);
		matcher.region(from, n);
		return matcher.lookingAt() ? matcher : null;
	}

	private int emit(EntityKind kind, int start, int end, String normalized) {
		out.add(new ExtractedEntity(kind, text.substring(start, end), normalized, start, end));
		return end;
	}

	/**
	 * Text order; the first entity of a kind over a range wins (e.g. HTTP:409 over a
	 * plain 409).
	 */
	private List<ExtractedEntity> dedupe() {
		out.sort(TEXT_ORDER); // stable: equal ranges keep emission order
		List<ExtractedEntity> result = new ArrayList<>(out.size());
		ExtractedEntity prev = null;
		for (ExtractedEntity x : out) {
			if (prev == null || x.start() != prev.start() || x.end() != prev.end() || x.kind() != prev.kind()) {
				result.add(x);
			}
			prev = x;
		}
		return result;
	}

	/**
	 * End of the identifier at i; sets {@link #plain} (no capital after the first, no
	 * underscore).
	 */
	private int identEnd(int i) {
		int j = i + 1;
		boolean p = text.charAt(i) != '_';
		while (j < n) {
			char c = text.charAt(j);
			if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				j++;
			}
			else if (c >= 'A' && c <= 'Z' || c == '_') {
				p = false;
				j++;
			}
			else {
				break;
			}
		}
		plain = p;
		return j;
	}

	private boolean isQuotedKey(int s, int e) {
		return s > 0 && text.charAt(s - 1) == '"' && e + 1 < n && text.charAt(e) == '"' && text.charAt(e + 1) == ':';
	}

	/**
	 * A Swift error type whose lower-case members are codes (NEVPNError, URLError), not
	 * an NSError box.
	 */
	private static boolean isErrorType(String type) {
		return type.endsWith("Error") && !type.equals("NSError") || Vocabulary.CODE_ENUMS.contains(type);
	}

	private static String stripSpace(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			if (!Character.isWhitespace(s.charAt(i))) {
				b.append(s.charAt(i));
			}
		}
		return b.toString();
	}

	private static boolean isIdentStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

	private static boolean isIdentPart(char c) {
		return isIdentStart(c) || c >= '0' && c <= '9';
	}

}
