package forumkb.extract;

import java.util.regex.Pattern;

/**
 * OS and Xcode versions: a version number (or macOS name) must follow, so "iOS" alone is
 * nothing.
 */
final class VersionRules {

	private VersionRules() {
	}

	/** Above this a number after an OS name is not its version ("iOS 50 devices"). */
	private static final int MAX_MAJOR = 30;

	private static final String VERSION = "(\\d{1,2}(?:\\.\\d{1,3}){0,2})(?!\\d|\\.\\d)";

	/**
	 * After an OS name: {@code 17.4}, {@code Sonoma 14}, {@code Tahoe}, {@code 26 beta}.
	 */
	static final Pattern AFTER_OS = Pattern
		.compile("\\s*(?:(Tahoe|Sequoia|Sonoma|Ventura|Monterey|Big Sur|Catalina|Mojave|High Sierra)\\b\\s*)?(?:"
				+ VERSION + ")?");

	/** After "OS": the X of "OS X 10.15" / "Mac OS X". */
	static final Pattern AFTER_OS_X = Pattern.compile("\\s*X\\b" + AFTER_OS.pattern());

	/** After a bare macOS name: "Sonoma 14.5". */
	static final Pattern AFTER_MACOS_NAME = Pattern.compile("\\s*" + VERSION);

	/** After "Xcode": {@code 16.2}, {@code Version 16.2}. */
	static final Pattern AFTER_XCODE = Pattern.compile("\\s*(?:[Vv]ersion\\s*)?" + VERSION);

	/**
	 * "18.0" → "18", "15.0.0" → "15"; "14.0.1" stays: trailing zero components add
	 * nothing to a match.
	 */
	static String trimVersion(String version) {
		String v = version;
		while (v.endsWith(".0")) {
			v = v.substring(0, v.length() - 2);
		}
		return v;
	}

	/** The normalized OS version, or null if neither a name nor a number followed. */
	static String osVersion(String os, String macName, String number) {
		if (number != null) {
			int dot = number.indexOf('.');
			int major = Integer.parseInt(dot < 0 ? number : number.substring(0, dot));
			return major > MAX_MAJOR ? null : os + " " + trimVersion(number);
		}
		if (macName != null && os.equals("macOS")) {
			return "macOS " + Vocabulary.MACOS_NAMES.get(macName);
		}
		return null;
	}

}
