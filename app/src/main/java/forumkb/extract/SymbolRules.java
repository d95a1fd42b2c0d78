package forumkb.extract;

/**
 * Classifies one identifier by its spelling alone: error domain, symbolic code, type, C
 * function, framework or daemon. Context (what follows the identifier) is the scanner's
 * job.
 */
final class SymbolRules {

	private SymbolRules() {
	}

	/**
	 * The kind of {@code tok}, {@link EntityKind#ERROR} meaning "an error domain", or
	 * null for none.
	 */
	static EntityKind classify(String tok) {
		if (tok.length() < 3) {
			return null;
		}
		if (isPlainWord(tok)) {
			// fast path for prose: every rule below needs a second capital or an
			// underscore
			return Vocabulary.FRAMEWORKS.contains(tok) ? EntityKind.FRAMEWORK
					: Vocabulary.DAEMONS.contains(tok) ? EntityKind.SERVICE : null;
		}
		if (isErrorDomain(tok)) {
			return EntityKind.ERROR;
		}
		if (isCamelFunction(tok)) {
			return EntityKind.C_FUNCTION; // before codes: SecCopyErrorMessageString is
											// not a code
		}
		if (isCodeConstant(tok)) {
			return EntityKind.CODE;
		}
		if (Vocabulary.FRAMEWORKS.contains(tok)) {
			return EntityKind.FRAMEWORK;
		}
		if (Vocabulary.DAEMONS.contains(tok)) {
			return EntityKind.SERVICE;
		}
		if (tok.indexOf('_') >= 0) {
			return snakeKind(tok);
		}
		if (isKey(tok)) {
			return null;
		}
		return isType(tok) ? EntityKind.API_TYPE : null;
	}

	/** At most one capital, and only first: "However", "error", "nesessionmanager". */
	static boolean isPlainWord(String tok) {
		for (int i = 1; i < tok.length(); i++) {
			char c = tok.charAt(i);
			if (c >= 'A' && c <= 'Z' || c == '_') {
				return false;
			}
		}
		return true;
	}

	static boolean isErrorDomain(String tok) {
		char c0 = tok.charAt(0);
		if (!(c0 >= 'A' && c0 <= 'Z' || c0 == 'k')) {
			return false;
		}
		return tok.endsWith("ErrorDomain") && tok.length() > "ErrorDomain".length() || tok.startsWith("kCFErrorDomain")
				|| tok.startsWith("CFErrorDomain") || tok.equals("NSMachErrorDomain");
	}

	static boolean isCodeConstant(String tok) {
		char c0 = tok.charAt(0);
		if (c0 == 'E' || c0 == 'S') {
			if (Vocabulary.ERRNO_NAMES.contains(tok) || Vocabulary.SIGNALS.contains(tok)) {
				return true;
			}
		}
		if (Character.isUpperCase(c0) && tok.indexOf('_') > 0) {
			for (String p : Vocabulary.UPPER_CODE_PREFIXES) {
				if (tok.startsWith(p) && tok.length() > p.length() && isUpperSnake(tok)) {
					return true;
				}
			}
			return false;
		}
		if (c0 == 'e' || c0 == 'k') {
			if (tok.endsWith("Key")) {
				return false; // kCFStreamErrorCodeKey is a userInfo key
			}
			for (String p : Vocabulary.SYMBOLIC_CODE_PREFIXES) {
				if (startsWithHump(tok, p)) {
					return true;
				}
			}
			return false;
		}
		if (typePrefixLength(tok) == 0 || isKey(tok)) {
			return false;
		}
		for (String e : Vocabulary.CODE_ENUMS) {
			if (startsWithHump(tok, e)) {
				return !e.equals("NSXPCConnection")
						|| Vocabulary.XPC_CONNECTION_CODES.contains(tok.substring(e.length()));
			}
		}
		// NSURLErrorSecureConnectionFailed, NEVPNErrorConfigurationInvalid,
		// WCErrorCodeNotReachable
		int err = tok.indexOf("Error", 2);
		if (err > 0 && err + 5 < tok.length() && Character.isUpperCase(tok.charAt(err + 5))) {
			String rest = tok.substring(err + 5);
			return !Vocabulary.TYPE_SUFFIXES.contains(rest) && !rest.equals("Code") && !rest.equals("Pointer")
					&& !rest.startsWith("Description") && !rest.startsWith("Recovery");
		}
		if (tok.startsWith("NS")) {
			if (tok.endsWith("Exception") && tok.length() > "NSException".length()) {
				return true; // NSInternalInconsistencyException names a failure, like a
								// code
			}
			if (tok.endsWith("Error")) {
				for (String family : Vocabulary.NS_ERROR_FAMILIES) {
					if (tok.startsWith(family)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * xpc_connection_create → C_FUNCTION, xpc_object_t → API_TYPE, anything else → null.
	 */
	private static EntityKind snakeKind(String tok) {
		int lead = 0;
		while (lead < tok.length() && tok.charAt(lead) == '_') {
			lead++;
		}
		for (int i = lead; i < tok.length(); i++) {
			char c = tok.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
				return null;
			}
		}
		for (String p : Vocabulary.SNAKE_PREFIXES) {
			if (tok.startsWith(p, lead) && tok.length() > lead + p.length() && !tok.endsWith("_")) {
				return tok.endsWith("_t") ? EntityKind.API_TYPE : EntityKind.C_FUNCTION;
			}
		}
		return null;
	}

	static boolean isKey(String tok) {
		for (String s : Vocabulary.KEY_SUFFIXES) {
			if (tok.endsWith(s) && typePrefixLength(tok) > 0) {
				return true;
			}
		}
		for (String p : Vocabulary.KEY_PREFIXES) {
			if (tok.startsWith(p)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SecTrustEvaluateWithError, CFRelease, SSLHandshake: a known prefix and a verb hump.
	 */
	private static boolean isCamelFunction(String tok) {
		if (Vocabulary.NS_FUNCTIONS.contains(tok)) {
			return true;
		}
		if (tok.startsWith("NS") && tok.indexOf("From", 3) > 0 && typePrefixLength(tok) > 0) {
			return true; // NSStringFromClass, NSClassFromString
		}
		for (String p : Vocabulary.FUNCTION_PREFIXES) {
			if (startsWithHump(tok, p)) {
				return hasVerbHump(tok, p.length());
			}
		}
		return false;
	}

	private static boolean hasVerbHump(String tok, int from) {
		int index = 0;
		String last = null;
		boolean verb = false;
		boolean with = false;
		for (int i = from; i < tok.length();) {
			int j = humpEnd(tok, i);
			last = tok.substring(i, j);
			with |= index > 0 && last.equals("With"); // SecAccessControlCreateWithFlags
			if (index == 0 ? Vocabulary.LEADING_FUNCTION_VERBS.contains(last)
					: Vocabulary.FUNCTION_VERBS.contains(last)) {
				verb = true;
			}
			index++;
			i = j;
		}
		return verb && (with || !Vocabulary.TYPE_SUFFIXES.contains(last));
	}

	/**
	 * End of the CamelCase hump at i: "Trust" in SecTrustRef, "XPC" in NSXPCConnection.
	 */
	private static int humpEnd(String tok, int i) {
		int j = i + 1;
		if (j < tok.length() && Character.isUpperCase(tok.charAt(j))) {
			while (j < tok.length() && Character.isUpperCase(tok.charAt(j))
					&& (j + 1 >= tok.length() || !Character.isLowerCase(tok.charAt(j + 1)))) {
				j++;
			}
			return j;
		}
		while (j < tok.length() && !Character.isUpperCase(tok.charAt(j))) {
			j++;
		}
		return j;
	}

	/** NEFilterManager, NSXPCConnection, URLSession; not NSE, OK, SKUs, WiFi. */
	static boolean isType(String tok) {
		if (Vocabulary.UNPREFIXED_TYPES.contains(tok)) {
			return true;
		}
		int p = tok.startsWith("URL") ? 3 : typePrefixLength(tok);
		if (p == 0 || tok.length() - p < 3) {
			return false;
		}
		int lower = 0;
		for (int i = p; i < tok.length(); i++) {
			char c = tok.charAt(i);
			if (Character.isLowerCase(c)) {
				lower++;
			}
			else if (!Character.isLetterOrDigit(c)) {
				return false;
			}
		}
		// "With" marks a selector or function fragment (URLWithString), not a type name
		int with = tok.indexOf("With", p);
		boolean selectorLike = with > 0 && with + 4 < tok.length() && Character.isUpperCase(tok.charAt(with + 4));
		return lower >= 2 && Character.isUpperCase(tok.charAt(p)) && !selectorLike;
	}

	/**
	 * Length of the framework prefix tok starts with (followed by an upper-case letter),
	 * else 0.
	 */
	static int typePrefixLength(String tok) {
		char c0 = tok.charAt(0);
		if (c0 >= 128) {
			return 0;
		}
		for (String p : Vocabulary.TYPE_PREFIXES_BY_FIRST.get(c0)) {
			if (startsWithHump(tok, p)) {
				return p.length();
			}
		}
		return 0;
	}

	private static boolean startsWithHump(String tok, String prefix) {
		return tok.length() > prefix.length() && tok.startsWith(prefix)
				&& Character.isUpperCase(tok.charAt(prefix.length()));
	}

	private static boolean isUpperSnake(String tok) {
		for (int i = 0; i < tok.length(); i++) {
			char c = tok.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
				return false;
			}
		}
		return true;
	}

}
