package forumkb.extract;

import java.util.regex.Pattern;

/**
 * What may follow an identifier to make a number a code. Each pattern is applied with
 * {@code lookingAt()} right after its context word, so a bare number in prose ("port
 * 6454", "3 devices") never becomes a code. {@link #CLEAN_END} rejects numbers that are
 * really part of a version, time, date or unit ("error 08:11:58", "error 18.1", "code
 * 2s").
 */
final class CodeRules {

	private CodeRules() {
	}

	/**
	 * A number ends cleanly: no further digit, no ".5", ":58", "-07", "/2", letter or
	 * "%".
	 */
	private static final String CLEAN_END = "(?![\\w.:/-]?\\d|\\w|%)";

	private static final String NUMBER = "(-?\\d{1,10})" + CLEAN_END;

	/**
	 * After an error domain: {@code Code=4097}, {@code error -1200}, {@code  -1200},
	 * {@code , Code=-1200}.
	 */
	static final Pattern AFTER_DOMAIN = Pattern
		.compile("\\s*[,:=]?\\s*(?:(?:[Cc]ode|[Ee]rror)\\s*[=:]?\\s*)?\\(?\\s*\"?" + NUMBER);

	/**
	 * After {@code error}, {@code err}, {@code errno}, {@code code}, {@code OSStatus}:
	 * {@code error: 22}, {@code OSStatus error -9802}.
	 */
	static final Pattern AFTER_CONTEXT = Pattern
		.compile("\\s*(?:(?:[Cc]ode|error)\\b\\s*)?[:=]?\\s*[(\\[]?\\s*" + NUMBER);

	/**
	 * After a symbolic code: {@code errSecItemNotFound (-25300)},
	 * {@code errSecItemNotFound = -25300}.
	 */
	static final Pattern AFTER_SYMBOL = Pattern.compile("\\s*(?:[(\\[]\\s*|=\\s*)" + NUMBER);

	/** After {@code xpc_error}-style log keys: {@code xpc_error=[159]}. */
	static final Pattern AFTER_LOG_KEY = Pattern.compile("\\s*[=:]\\s*\\[?\\s*(\\d{1,10})(?!\\w)");

	/**
	 * Hex termination codes, only after {@code code}/{@code Codes}/{@code Reason:}: bare
	 * hex is an address.
	 */
	static final Pattern HEX_AFTER_CODE = Pattern.compile("\\s*[:=]?\\s*(0x[0-9a-fA-F]{1,16})(?!\\w)");

	/**
	 * After "Termination Reason": {@code : RUNNINGBOARD 0xdead10cc},
	 * {@code : Namespace SPRINGBOARD, Code 0x8badf00d}.
	 */
	static final Pattern HEX_AFTER_REASON = Pattern
		.compile("\\s*:\\s*(?:Namespace\\s+)?(?:[A-Z_]+,?\\s+)?(?:Code\\s+)?(0x[0-9a-fA-F]{1,16})(?!\\w)");

	/**
	 * HTTP status after {@code HTTP}, {@code HTTP/1.1}, {@code HTTP status code},
	 * {@code HTTP error}.
	 */
	static final Pattern AFTER_HTTP = Pattern
		.compile("(?:/\\d(?:\\.\\d)?)?\\s*(?:status\\s*(?:code)?|error|response|code)?\\s*[:=]?\\s*([1-5]\\d\\d)"
				+ CLEAN_END);

	/** After {@code status}: {@code status code 401}, {@code status code: 409}. */
	static final Pattern AFTER_STATUS = Pattern.compile("\\s*code\\s*[:=]?\\s*([1-5]\\d\\d)" + CLEAN_END);

	/** After {@code statusCode}: {@code statusCode: 500}, {@code statusCode == 403}. */
	static final Pattern AFTER_STATUS_CODE = Pattern.compile("\\s*[:=]{0,2}\\s*([1-5]\\d\\d)" + CLEAN_END);

	/** Words after which a decimal number is a code. */
	static boolean isNumberContext(String tok) {
		return switch (tok) {
			case "error", "Error", "ERROR", "err", "errno", "code", "Code", "OSStatus", "status_code" -> true;
			default -> false;
		};
	}

	static boolean isHexContext(String tok) {
		return switch (tok) {
			case "code", "Code", "Codes", "codes" -> true;
			default -> false;
		};
	}

	/**
	 * {@code xpc_error}, {@code nw_error}: lower-case snake keys ending in
	 * {@code _error}.
	 */
	static boolean isLogErrorKey(String tok) {
		return tok.endsWith("_error") && tok.length() > "_error".length() && Character.isLowerCase(tok.charAt(0));
	}

	/** Lower-cases hex and drops leading zeros so 0x0000000000000001 and 0x1 meet. */
	static String normalizeHex(String hex) {
		String digits = hex.substring(2).toLowerCase(java.util.Locale.ROOT);
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return "0x" + digits.substring(i);
	}

	/**
	 * Drops a leading '+' and leading zeros: the code normalized form of a decimal
	 * number.
	 */
	static String normalizeNumber(String number) {
		boolean negative = number.startsWith("-");
		String digits = negative ? number.substring(1) : number;
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return (negative ? "-" : "") + digits.substring(i);
	}

}
