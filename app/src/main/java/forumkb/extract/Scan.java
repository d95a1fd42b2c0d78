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

	private static final String FRAMEWORK_SUFFIX = ".framework";

	private static final String DYLIB_SUFFIX = ".dylib";

	private static final String NO_ARGUMENTS = "()";

	private static final Comparator<ExtractedEntity> TEXT_ORDER = Comparator.comparingInt(ExtractedEntity::start)
		.thenComparingInt(ExtractedEntity::end)
		.thenComparing(ExtractedEntity::kind);

	private final String text;

	private final int length;

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
		this.length = text.length();
		this.matcher = REVERSE_DNS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
	}

	List<ExtractedEntity> run() {
		int i = 0;
		while (i < length) {
			char ch = text.charAt(i);
			if (ch == '[') {
				i = bracket(i);
			}
			else if (isIdentStart(ch)) {
				i = token(i, identEnd(i));
			}
			else if (ch >= '0' && ch <= '9') {
				i = identEnd(i); // a number, hex address or UUID part: never an
									// identifier
			}
			else {
				i++;
			}
		}
		return dedupe();
	}

	private int token(int start, int end) {
		String word = text.substring(start, end);
		char next = end < length ? text.charAt(end) : '\0';
		boolean member = start > 0 && text.charAt(start - 1) == '.' && start - 1 == chainEnd;
		chainEnd = -1;
		if (plain && !member && next != '(' && next != ':' && !Vocabulary.PLAIN_KEYWORDS.contains(word)
				&& (next != '.' || !word.startsWith("lib") && !text.startsWith(FRAMEWORK_SUFFIX, end))) {
			return end; // ordinary prose word
		}
		char first = word.charAt(0);
		if (next == '.' && word.equals("com")) {
			return reverseDns(start, end);
		}
		if (next == '-' && Vocabulary.ENTITLEMENT_FIRST_WORDS.contains(word)) {
			Matcher match = at(HYPHENATED, start);
			if (match != null && Vocabulary.PLAIN_ENTITLEMENTS.contains(match.group())) {
				return emit(EntityKind.ENTITLEMENT, start, match.end(), match.group());
			}
		}
		int frameworkEnd = end + FRAMEWORK_SUFFIX.length();
		if (next == '.' && text.startsWith(FRAMEWORK_SUFFIX, end) && Character.isUpperCase(first)
				&& (frameworkEnd >= length || !isIdentPart(text.charAt(frameworkEnd)))) {
			return emit(EntityKind.FRAMEWORK, start, frameworkEnd, word);
		}
		if (next == '.' && word.startsWith("lib") && text.startsWith(DYLIB_SUFFIX, end)) {
			// libsystem_kernel.dylib: a library, named bare
			return emit(EntityKind.FRAMEWORK, start, end + DYLIB_SUFFIX.length(), word);
		}
		if (next == '(' && Character.isUpperCase(first)) {
			int resumeAt = initializer(word, start, end);
			if (resumeAt > 0) {
				return resumeAt;
			}
		}
		if (Character.isLowerCase(first)) {
			int resumeAt = method(word, start, end, next, member);
			if (resumeAt > 0) {
				return resumeAt;
			}
			if (CodeRules.isLogErrorKey(word)) {
				Matcher match = at(CodeRules.AFTER_LOG_KEY, end);
				if (match != null) {
					return emit(EntityKind.CODE, start, match.end(1),
							word + ":" + CodeRules.normalizeNumber(match.group(1)));
				}
			}
		}
		int resumeAt = symbol(word, start, end);
		if (resumeAt > 0) {
			return resumeAt;
		}
		return context(word, start, end);
	}

	/**
	 * Swift spellings, ObjC selectors and Type.member; returns the new position or -1.
	 */
	private int method(String word, int start, int end, char next, boolean member) {
		if (next == '(') {
			Matcher match = at(MethodNames.SWIFT_LABELS, end);
			if (match != null && word.equals("selector") && start > 0 && text.charAt(start - 1) == '#') {
				return emit(EntityKind.API_METHOD, match.start(1), match.end(1), stripSpace(match.group(1))); // #selector(foo:bar:)
			}
			if (match != null) {
				return emit(EntityKind.API_METHOD, start, match.end(), word + "(" + stripSpace(match.group(1)) + ")");
			}
			if (member && text.startsWith(NO_ARGUMENTS, end)) {
				return emit(EntityKind.API_METHOD, start, end + NO_ARGUMENTS.length(), word + NO_ARGUMENTS);
			}
		}
		else if (next == ':' && !Vocabulary.OS_NAMES.containsKey(word)) {
			char after = end + 1 < length ? text.charAt(end + 1) : '\0';
			if (after == ':' || after == '/') {
				return -1; // C++ scope or URL scheme
			}
			Matcher match = at(MethodNames.OBJC_PARTS, end);
			if (match != null) {
				return emit(EntityKind.API_METHOD, start, match.end(), word + match.group());
			}
			if (MethodNames.isSingleSelector(word, after)) {
				return emit(EntityKind.API_METHOD, start, end + 1, word + ":");
			}
		}
		if (member) {
			chainEnd = end;
			if (isErrorType(chainHead) && !Vocabulary.ERROR_PROPERTIES.contains(word)) {
				// NEHotspotConfigurationError.alreadyAssociated,
				// URLError.secureConnectionFailed: a Swift code
				return emit(EntityKind.CODE, start, end, chainHead + "." + word);
			}
			if (MethodNames.isBareMethod(word)) {
				return emit(EntityKind.API_METHOD, start, end, word); // CXProvider.reportNewIncomingVoIPPushPayload
			}
		}
		return -1;
	}

	/**
	 * {@code NWConnection(host:port:using:)}: an initializer, as
	 * {@code init(host:port:using:)}.
	 */
	private int initializer(String word, int start, int end) {
		Matcher match = at(MethodNames.SWIFT_LABELS, end);
		if (match == null || SymbolRules.classify(word) != EntityKind.API_TYPE) {
			return -1;
		}
		emit(EntityKind.API_TYPE, start, end, word);
		return emit(EntityKind.API_METHOD, start, match.end(), "init(" + stripSpace(match.group(1)) + ")");
	}

	/**
	 * Identifier kinds from {@link SymbolRules}; returns the new position or -1 to try
	 * contexts.
	 */
	private int symbol(String word, int start, int end) {
		EntityKind kind = SymbolRules.classify(word);
		if (kind == null) {
			if (Vocabulary.AMBIGUOUS_FRAMEWORKS.contains(word) && at(FRAMEWORK_WORD, end) != null) {
				return emit(EntityKind.FRAMEWORK, start, end, word);
			}
			return -1;
		}
		switch (kind) {
			case ERROR -> {
				Matcher match = at(CodeRules.AFTER_DOMAIN, end);
				if (match == null) {
					return emit(EntityKind.ERROR, start, end, word);
				}
				String code = CodeRules.normalizeNumber(match.group(1));
				emit(EntityKind.ERROR, start, match.end(1), word + ":" + code);
				return emit(EntityKind.CODE, match.start(1), match.end(1), code);
			}
			case CODE -> {
				emit(EntityKind.CODE, start, end, word);
				numberBefore(start);
				Matcher match = at(CodeRules.AFTER_SYMBOL, end);
				return match == null ? end : emit(EntityKind.CODE, match.start(1), match.end(1),
						CodeRules.normalizeNumber(match.group(1)));
			}
			case API_TYPE -> {
				if (at(SOURCE_FILE, end) != null) {
					return end; // NEHotspotHelper.m:563 is a file in a crash frame
				}
				emit(EntityKind.API_TYPE, start, end, word);
				chainEnd = end;
				chainHead = word;
				return -1; // OSStatus is also a code context
			}
			default -> {
				if (kind == EntityKind.C_FUNCTION && isQuotedKey(start, end)) {
					return end; // "os_version": a JSON key in a crash report, not a
								// function
				}
				return emit(kind, start, end, word);
			}
		}
	}

	/** Numbers and versions that are only entities after their context word. */
	private int context(String word, int start, int end) {
		if (CodeRules.isHexContext(word) || word.equals("Reason")) {
			Matcher match = at(word.equals("Reason") ? CodeRules.HEX_AFTER_REASON : CodeRules.HEX_AFTER_CODE, end);
			if (match != null) {
				return emit(EntityKind.CODE, match.start(1), match.end(1), CodeRules.normalizeHex(match.group(1)));
			}
		}
		if (CodeRules.isNumberContext(word)) {
			Matcher match = at(CodeRules.AFTER_CONTEXT, end);
			if (match != null) {
				return emit(EntityKind.CODE, match.start(1), match.end(1), CodeRules.normalizeNumber(match.group(1)));
			}
			return end;
		}
		Pattern http = switch (word) {
			case "HTTP", "http" -> CodeRules.AFTER_HTTP;
			case "status" -> CodeRules.AFTER_STATUS;
			case "statusCode" -> CodeRules.AFTER_STATUS_CODE;
			default -> null;
		};
		if (http != null) {
			Matcher match = at(http, end);
			return match == null ? end : emit(EntityKind.CODE, start, match.end(1), "HTTP:" + match.group(1));
		}
		return version(word, start, end);
	}

	private int version(String word, int start, int end) {
		if (word.equals("Xcode")) {
			Matcher match = at(VersionRules.AFTER_XCODE, end);
			return match == null ? end : emit(EntityKind.XCODE_VERSION, start, match.end(),
					"Xcode " + VersionRules.trimVersion(match.group(1)));
		}
		String os = Vocabulary.OS_NAMES.get(word);
		Matcher match = null;
		if (os != null) {
			match = at(VersionRules.AFTER_OS, end);
		}
		else if (word.equals("OS")) {
			os = "macOS";
			match = at(VersionRules.AFTER_OS_X, end);
		}
		else if (Vocabulary.MACOS_NAMES.containsKey(word)) {
			Matcher named = at(VersionRules.AFTER_MACOS_NAME, end);
			return named == null ? end : emit(EntityKind.OS_VERSION, start, named.end(),
					"macOS " + VersionRules.trimVersion(named.group(1)));
		}
		if (match == null) {
			return end;
		}
		String normalized = VersionRules.osVersion(os, match.group(1), match.group(2));
		return normalized == null ? end : emit(EntityKind.OS_VERSION, start, match.end(), normalized);
	}

	/**
	 * {@code -[NSXPCConnection setCodeSigningRequirement:]} or
	 * {@code [NEHotspotHelper supportedNetworkInterfaces]}.
	 */
	private int bracket(int open) {
		Matcher match = at(MethodNames.BRACKET, open);
		if (match == null) {
			return open + 1;
		}
		boolean frame = open > 0 && (text.charAt(open - 1) == '-' || text.charAt(open - 1) == '+');
		boolean type = SymbolRules.classify(match.group(1)) == EntityKind.API_TYPE;
		if (!frame && !type) {
			return open + 1; // [self foo], [array count]: not worth an entity
		}
		if (type) {
			emit(EntityKind.API_TYPE, match.start(1), match.end(1), match.group(1));
		}
		return emit(EntityKind.API_METHOD, match.start(2), match.end(2), match.group(2));
	}

	/**
	 * com.apple.developer.* / .security.* / .private.* are entitlements; other
	 * com.apple.* are services.
	 */
	private int reverseDns(int start, int end) {
		Matcher match = at(REVERSE_DNS, start);
		if (match == null) {
			return end;
		}
		String name = match.group();
		if (Vocabulary.NOT_SERVICES.contains(name) || name.startsWith("com.apple.root.")) {
			return match.end();
		}
		boolean entitlement = name.startsWith("com.apple.developer.") || name.startsWith("com.apple.security.")
				|| name.startsWith("com.apple.private.") || name.equals("com.apple.application-identifier");
		return emit(entitlement ? EntityKind.ENTITLEMENT : EntityKind.SERVICE, start, match.end(), name);
	}

	/**
	 * The number in "-34018 (errSecMissingEntitlement)": a code because the symbol names
	 * it.
	 */
	private void numberBefore(int start) {
		int cursor = skipSpacesBack(start - 1);
		if (cursor < 0 || text.charAt(cursor) != '(') {
			return;
		}
		int end = skipSpacesBack(cursor - 1) + 1;
		cursor = end - 1;
		while (cursor >= 0 && Character.isDigit(text.charAt(cursor))) {
			cursor--;
		}
		if (cursor == end - 1) {
			return;
		}
		if (cursor >= 0 && text.charAt(cursor) == '-') {
			cursor--;
		}
		if (cursor >= 0
				&& (isIdentPart(text.charAt(cursor)) || text.charAt(cursor) == '.' || text.charAt(cursor) == ':')) {
			return;
		}
		emit(EntityKind.CODE, cursor + 1, end, CodeRules.normalizeNumber(text.substring(cursor + 1, end)));
	}

	private int skipSpacesBack(int cursor) {
		while (cursor >= 0 && text.charAt(cursor) == ' ') {
			cursor--;
		}
		return cursor;
	}

	/**
	 * {@code pattern} anchored at {@code from}; one matcher serves the whole scan, so a
	 * result is valid until the next call.
	 */
	private Matcher at(Pattern pattern, int from) {
		matcher.usePattern(pattern);
		matcher.region(from, length);
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
		ExtractedEntity previous = null;
		for (ExtractedEntity entity : out) {
			if (previous == null || entity.start() != previous.start() || entity.end() != previous.end()
					|| entity.kind() != previous.kind()) {
				result.add(entity);
			}
			previous = entity;
		}
		return result;
	}

	/**
	 * End of the identifier at i; sets {@link #plain} (no capital after the first, no
	 * underscore).
	 */
	private int identEnd(int i) {
		int cursor = i + 1;
		boolean plainSoFar = text.charAt(i) != '_';
		while (cursor < length) {
			char ch = text.charAt(cursor);
			if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
				cursor++;
			}
			else if (ch >= 'A' && ch <= 'Z' || ch == '_') {
				plainSoFar = false;
				cursor++;
			}
			else {
				break;
			}
		}
		plain = plainSoFar;
		return cursor;
	}

	private boolean isQuotedKey(int start, int end) {
		return start > 0 && text.charAt(start - 1) == '"' && end + 1 < length && text.charAt(end) == '"'
				&& text.charAt(end + 1) == ':';
	}

	/**
	 * A Swift error type whose lower-case members are codes (NEVPNError, URLError), not
	 * an NSError box.
	 */
	private static boolean isErrorType(String type) {
		return type.endsWith("Error") && !type.equals("NSError") || Vocabulary.CODE_ENUMS.contains(type);
	}

	private static String stripSpace(String value) {
		StringBuilder stripped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			if (!Character.isWhitespace(value.charAt(i))) {
				stripped.append(value.charAt(i));
			}
		}
		return stripped.toString();
	}

	private static boolean isIdentStart(char ch) {
		return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_';
	}

	private static boolean isIdentPart(char ch) {
		return isIdentStart(ch) || ch >= '0' && ch <= '9';
	}

}
