package forumkb.index.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a code symbol into what a searcher may type: the symbol as written, each
 * identifier in it, the ObjC base name before {@code With}, and the word parts. A pure
 * function of the token text, so {@link SymbolPartsFilter} only has to place the pieces.
 *
 * <p>
 * Why not {@code WordDelimiterGraphFilter}: it splits {@code VoIP} into
 * {@code vo}/{@code ip}, cannot split {@code NSURL} into {@code ns}/{@code url}, and
 * knows nothing of {@code With}.
 */
final class SymbolSplitter {

	private SymbolSplitter() {
	}

	/**
	 * A term, its offsets inside the token and its position counted in word parts from
	 * the token's first part.
	 */
	record Piece(String text, int start, int end, int position) {
	}

	/**
	 * Mixed-case words that are one part, longest first where one is a prefix of another.
	 */
	private static final List<String> ATOMS = List.of("VoIP", "iPadOS", "iPad", "iPhone", "iCloud", "iOS", "macOS",
			"tvOS", "watchOS", "visionOS", "IPv4", "IPv6", "WiFi", "OAuth");

	/**
	 * Apple's two-letter prefixes and common acronyms: capital runs are cut into these
	 * when they fit exactly.
	 */
	private static final Set<String> ACRONYMS = Set.of("NS", "CF", "CG", "CX", "NE", "NW", "UI", "CK", "AV", "SC", "SK",
			"CL", "MK", "UN", "IO", "WK", "PK", "HK", "GK", "CN", "EK", "CB", "CT", "CA", "SF", "AS", "LA", "OS", "ML",
			"QL", "URL", "HTTP", "HTTPS", "XPC", "VPN", "TLS", "SSL", "TCP", "UDP", "DNS", "IP", "ID", "API", "JSON",
			"XML", "UUID", "APNS", "NFC", "BLE", "PDF", "SSO", "MDM", "ATS", "RSA", "AES", "SHA", "DER", "PEM");

	private static final Comparator<Piece> ORDER = Comparator.comparingInt(Piece::position)
		.thenComparingInt(Piece::start)
		.thenComparing(Comparator.comparingInt((Piece p) -> p.end() - p.start()).reversed());

	/**
	 * Whether the token looks like code: a call, a multi-part selector,
	 * {@code Type.member}, or a compound name.
	 */
	static boolean isSymbol(String token) {
		if (token.indexOf('(') > 0 || token.indexOf(':') != token.lastIndexOf(':')) {
			return true;
		}
		if (token.indexOf('.') > 0 && Character.isUpperCase(token.charAt(0))) {
			return true;
		}
		int end = 0;
		while (end < token.length() && isNameChar(token.charAt(end))) {
			end++;
		}
		return parts(token, 0, end).size() >= 2;
	}

	/**
	 * The pieces in position order; within a position the longer piece first. Terms keep
	 * their case.
	 */
	static List<Piece> pieces(String token) {
		List<Piece> out = new ArrayList<>();
		boolean oneColon = token.endsWith(":") && token.indexOf(':') == token.length() - 1;
		int wholeEnd = oneColon ? token.length() - 1 : token.length(); // "foo:" is foo;
																		// "foo:bar:" is a
																		// selector
		out.add(new Piece(token.substring(0, wholeEnd), 0, wholeEnd, 0));
		int position = 0;
		int i = 0;
		while (i < token.length()) {
			if (!isNameChar(token.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < token.length() && isNameChar(token.charAt(end))) {
				end++;
			}
			position = name(token, i, end, position, out);
			i = end;
		}
		out.sort(ORDER);
		return dedupe(out);
	}

	/**
	 * One identifier: itself, its base and label around an inner {@code With}, its parts;
	 * returns the next position.
	 */
	private static int name(String token, int start, int end, int position, List<Piece> out) {
		List<int[]> parts = parts(token, start, end);
		parts.removeIf(p -> p[1] - p[0] < 2); // "k" of kSecAttr, "_" of (_:completion:):
												// nothing to search for
		if (parts.isEmpty()) {
			return position;
		}
		out.add(new Piece(token.substring(start, end), start, end, position));
		for (int k = 0; k < parts.size(); k++) {
			int[] p = parts.get(k);
			String word = token.substring(p[0], p[1]);
			if (word.equals("With") && k > 0 && k < parts.size() - 1) {
				// saveToPreferencesWithCompletionHandler: meets
				// saveToPreferences(completionHandler:)
				out.add(new Piece(token.substring(start, p[0]), start, p[0], position));
				int label = parts.get(k + 1)[0];
				out.add(new Piece(token.substring(label, end), label, end, position + k + 1));
			}
			out.add(new Piece(word, p[0], p[1], position + k));
		}
		return position + parts.size();
	}

	/**
	 * Word parts of the identifier in [start, end) as {start, end} pairs: cut at '_',
	 * before a capital that follows a lower-case letter, and before the last capital of a
	 * run that goes on in lower case ({@code XPCListener}); digits stay with their run
	 * ({@code x509}, {@code UTF8}).
	 */
	static List<int[]> parts(String s, int start, int end) {
		List<int[]> out = new ArrayList<>();
		int i = start;
		while (i < end) {
			char c = s.charAt(i);
			if (c == '_') {
				i++;
				continue;
			}
			int atom = atomAt(s, i, end);
			if (atom > 0) {
				out.add(new int[] { i, i + atom });
				i += atom;
				continue;
			}
			int j = i + 1;
			if (Character.isUpperCase(c)) {
				while (j < end && (Character.isUpperCase(s.charAt(j)) || Character.isDigit(s.charAt(j)))) {
					j++;
				}
				if (j < end && Character.isLowerCase(s.charAt(j))) {
					if (j - i > 1) {
						acronyms(s, i, j - 1, out); // NSURLError: the run is NSURL,
													// "Error" starts at E
						i = j - 1;
						continue;
					}
				}
				else {
					acronyms(s, i, j, out);
					i = j;
					continue;
				}
			}
			while (j < end && (Character.isLowerCase(s.charAt(j)) || Character.isDigit(s.charAt(j)))) {
				j++;
			}
			out.add(new int[] { i, j });
			i = j;
		}
		return out;
	}

	/**
	 * A capital run as known acronyms when it is exactly a sequence of them (NSXPC,
	 * HTTPURL), else whole.
	 */
	private static void acronyms(String s, int start, int end, List<int[]> out) {
		List<int[]> cut = new ArrayList<>();
		if (end - start > 3 && cut(s, start, end, cut)) {
			out.addAll(cut.reversed());
		}
		else {
			out.add(new int[] { start, end });
		}
	}

	/**
	 * Longest known acronym first, backtracking; fills {@code cut} in reverse on success.
	 */
	private static boolean cut(String s, int start, int end, List<int[]> cut) {
		if (start == end) {
			return true;
		}
		for (int len = Math.min(5, end - start); len >= 2; len--) {
			if (ACRONYMS.contains(s.substring(start, start + len)) && cut(s, start + len, end, cut)) {
				cut.add(new int[] { start, start + len });
				return true;
			}
		}
		return false;
	}

	/**
	 * Length of a mixed-case atom at i that is not the start of a longer lower-case word,
	 * or 0.
	 */
	private static int atomAt(String s, int i, int end) {
		for (String atom : ATOMS) {
			int e = i + atom.length();
			if (e <= end && s.startsWith(atom, i) && (e == end || !Character.isLowerCase(s.charAt(e)))) {
				return atom.length();
			}
		}
		return 0;
	}

	private static List<Piece> dedupe(List<Piece> pieces) {
		Set<String> seen = new HashSet<>();
		List<Piece> out = new ArrayList<>(pieces.size());
		for (Piece p : pieces) {
			if (seen.add(p.position() + " " + p.text().toLowerCase(Locale.ROOT))) {
				out.add(p);
			}
		}
		return out;
	}

	private static boolean isNameChar(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
	}

}
