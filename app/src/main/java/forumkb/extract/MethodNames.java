package forumkb.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Method and selector spellings. The API_METHOD entity keeps the spelling as written
 * (whitespace removed); {@link #baseName} gives the spelling-independent name so the
 * search layer can make {@code saveToPreferencesWithCompletionHandler:} and
 * {@code saveToPreferences(completionHandler:)} meet.
 */
public final class MethodNames {

	private MethodNames() {
	}

	/**
	 * Swift argument labels right after the name: {@code (_:completion:)},
	 * {@code (completionHandler:)}.
	 */
	static final Pattern SWIFT_LABELS = Pattern.compile("\\(\\s*((?:(?:_|[A-Za-z]\\w*)\\s*:\\s*)+)\\)");

	/**
	 * Further ObjC keyword parts after the first colon:
	 * {@code :forSelector:argumentIndex:ofReply:}.
	 */
	static final Pattern OBJC_PARTS = Pattern.compile(":(?:_?[A-Za-z][A-Za-z0-9]*:)+(?!/)");

	/**
	 * A method in brackets: {@code -[NSXPCConnection setCodeSigningRequirement:]},
	 * {@code [NEHotspotHelper supportedNetworkInterfaces]}.
	 */
	static final Pattern BRACKET = Pattern
		.compile("\\[([A-Za-z_]\\w*)(?:\\(\\w*\\))?\\s+([A-Za-z_]\\w*(?::(?:[A-Za-z_]\\w*:)*)?)\\]");

	private static final Pattern WITH_TAIL = Pattern.compile("With[A-Z]\\w*$");

	/**
	 * Verb prefixes that make a lone {@code foo:} an ObjC selector rather than a Swift
	 * argument label.
	 */
	private static final String[] SELECTOR_VERBS = { "set", "get", "init", "did", "will", "should", "add", "remove",
			"perform", "handle", "start", "stop", "save", "load", "report", "request", "register", "send", "open",
			"close", "create", "evaluate", "update", "fetch", "activate", "invalidate", "cancel", "remote",
			"synchronous", "apply", "connect", "disconnect", "resume", "suspend", "present", "make", "find", "check",
			"copy", "write", "read", "enumerate", "reset", "resolve", "show", "display", "decode", "encode" };

	/**
	 * Whether a single-part {@code name:} is a selector, given the character after the
	 * colon.
	 */
	static boolean isSingleSelector(String name, char next) {
		if (!hasHump(name)) {
			return false;
		}
		if (next == ']' || next == '`' || next == ')' || next == '\'' || next == '"') {
			return true;
		}
		if (name.contains("With") && WITH_TAIL.matcher(name).find()) {
			return true;
		}
		return startsWithVerb(name);
	}

	/**
	 * Whether a member written without parentheses
	 * ({@code CXProvider.reportNewIncomingVoIPPushPayload}) is a method: it must start
	 * with a verb, since {@code NWEndpoint.hostPort} or {@code .rawValue} are properties.
	 */
	static boolean isBareMethod(String name) {
		return hasHump(name) && startsWithVerb(name);
	}

	private static boolean startsWithVerb(String name) {
		for (String verb : SELECTOR_VERBS) {
			if (name.length() > verb.length() && name.startsWith(verb)
					&& Character.isUpperCase(name.charAt(verb.length()))) {
				return true;
			}
		}
		return false;
	}

	/** lowerCamel with at least one hump, and not iPhone/iOS-style product names. */
	static boolean hasHump(String name) {
		if (name.length() < 4 || !Character.isLowerCase(name.charAt(0)) || Character.isUpperCase(name.charAt(1))) {
			return false;
		}
		for (int i = 2; i < name.length(); i++) {
			if (Character.isUpperCase(name.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The spelling-independent name of a method entity's normalized value:
	 * {@code saveToPreferencesWithCompletionHandler:} and
	 * {@code saveToPreferences(completionHandler:)} both give {@code savetopreferences};
	 * {@code reportNewIncomingVoIPPushPayload:withCompletionHandler:} and
	 * {@code reportNewIncomingVoIPPushPayload(_:completion:)} both give
	 * {@code reportnewincomingvoippushpayload}.
	 */
	public static String baseName(String normalized) {
		int cut = normalized.length();
		int paren = normalized.indexOf('(');
		int colon = normalized.indexOf(':');
		if (paren >= 0) {
			cut = paren;
		}
		if (colon >= 0 && colon < cut) {
			cut = colon;
		}
		String name = normalized.substring(0, cut);
		int with = name.lastIndexOf("With");
		if (with > 0 && with + 4 < name.length() && Character.isUpperCase(name.charAt(with + 4))) {
			name = name.substring(0, with);
		}
		return name.toLowerCase(Locale.ROOT);
	}

}
