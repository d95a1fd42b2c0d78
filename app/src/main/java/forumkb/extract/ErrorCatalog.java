package forumkb.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The error-code catalog shipped in {@code catalog/error-codes.tsv}: numbers, symbolic
 * names and meanings of the platform error codes, so that every spelling of one code
 * meets.
 *
 * <p>
 * Lookups are case-insensitive. A symbol is a name or an alias as the file spells it: the
 * ObjC/C constant ({@code errSecMissingEntitlement},
 * {@code kCFURLErrorSecureConnectionFailed}, {@code ENETDOWN}) or the Swift case
 * qualified by its type ({@code URLError.secureConnectionFailed};
 * {@code URLError.Code.secureConnectionFailed} is accepted too). A bare Swift case such
 * as {@code cancelled} or {@code .timedOut} is deliberately not a symbol: it names a
 * different code in half the domains and is also plain English.
 *
 * <p>
 * Immutable and thread-safe; {@link #load()} parses the file once per JVM.
 */
public final class ErrorCatalog {

	private static final String RESOURCE = "/catalog/error-codes.tsv";

	/** NSURLErrorDomain: the domain whose numbers kCFErrorDomainCFNetwork mirrors. */
	private static final String URL_DOMAIN = "NSURLErrorDomain";

	private static final String CFNETWORK_DOMAIN = "kCFErrorDomainCFNetwork";

	/**
	 * Other spellings of a domain seen in logs and code, lower-cased; the file's own
	 * names map to themselves.
	 */
	private static final Map<String, String> DOMAIN_SPELLINGS = Map.ofEntries(Map.entry("urlerror", URL_DOMAIN),
			Map.entry("cfnetwork", CFNETWORK_DOMAIN), Map.entry("kcferrordomainosstatus", "NSOSStatusErrorDomain"),
			Map.entry("osstatus", "NSOSStatusErrorDomain"), Map.entry("kcferrordomainposix", "NSPOSIXErrorDomain"),
			Map.entry("posix", "NSPOSIXErrorDomain"), Map.entry("posixerror", "NSPOSIXErrorDomain"),
			Map.entry("errno", "NSPOSIXErrorDomain"), Map.entry("kcferrordomainmach", "NSMachErrorDomain"),
			Map.entry("mach", "NSMachErrorDomain"), Map.entry("kern_return_t", "NSMachErrorDomain"),
			Map.entry("kcferrordomaincocoa", "NSCocoaErrorDomain"), Map.entry("cocoaerror", "NSCocoaErrorDomain"),
			Map.entry("iokit", "IOReturn"), Map.entry("kioreturn", "IOReturn"),
			Map.entry("laerrordomain", "com.apple.LocalAuthentication"),
			Map.entry("asauthorizationerrordomain", "com.apple.AuthenticationServices.AuthorizationError"),
			Map.entry("nednsproxymanagererrordomain", "NEDNSProxyErrorDomain"),
			Map.entry("nednssettingsmanagererrordomain", "NEDNSSettingsErrorDomain"));

	private static final class Holder {

		static final ErrorCatalog INSTANCE = readResource();

	}

	private final List<CatalogEntry> entries;

	private final Map<String, CatalogEntry> bySymbol;

	private final Map<String, CatalogEntry> byKey;

	private final Map<Integer, List<CatalogEntry>> byCode;

	private final Map<String, String> domains;

	private ErrorCatalog(List<CatalogEntry> entries) {
		this.entries = List.copyOf(entries);
		Map<String, CatalogEntry> symbols = new HashMap<>();
		Map<String, CatalogEntry> keys = new HashMap<>();
		Map<Integer, List<CatalogEntry>> codes = new HashMap<>();
		Map<String, String> domainNames = new HashMap<>(DOMAIN_SPELLINGS);
		for (CatalogEntry e : entries) {
			putUnique(symbols, fold(e.name()), e);
			e.aliases().forEach(a -> putUnique(symbols, fold(a), e));
			putUnique(keys, e.key(), e);
			codes.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
			domainNames.put(e.domain().toLowerCase(Locale.ROOT), e.domain());
		}
		codes.replaceAll((c, list) -> List.copyOf(list));
		this.bySymbol = Map.copyOf(symbols);
		this.byKey = Map.copyOf(keys);
		this.byCode = Map.copyOf(codes);
		this.domains = Map.copyOf(domainNames);
	}

	/** The catalog from the classpath, parsed once. */
	public static ErrorCatalog load() {
		return Holder.INSTANCE;
	}

	/**
	 * Parses catalog text; throws {@link IllegalArgumentException} naming the first bad
	 * line.
	 */
	static ErrorCatalog parse(List<String> lines) {
		List<CatalogEntry> entries = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) { // line 0 is the column header
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			entries.add(parseLine(line, i + 1));
		}
		return new ErrorCatalog(entries);
	}

	private static CatalogEntry parseLine(String line, int lineNo) {
		String[] f = line.split("\t", -1);
		if (f.length != 5 || f[0].isBlank() || f[2].isBlank() || f[4].isBlank()) {
			throw new IllegalArgumentException(
					"line " + lineNo + ": want domain, code, name, aliases, meaning: " + line);
		}
		int code;
		try {
			code = Integer.parseInt(f[1]);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("line " + lineNo + ": code is not an integer: " + f[1], ex);
		}
		List<String> aliases = f[3].isEmpty() ? List.of() : Arrays.stream(f[3].split(",")).map(String::strip).toList();
		return new CatalogEntry(f[0], code, f[2], aliases, f[4]);
	}

	private static ErrorCatalog readResource() {
		try (InputStream in = ErrorCatalog.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + RESOURCE);
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A spelling that meant two codes would make lookups depend on file order, so the
	 * file may not have one.
	 */
	private static <K> void putUnique(Map<K, CatalogEntry> map, K key, CatalogEntry e) {
		CatalogEntry old = map.putIfAbsent(key, e);
		if (old != null && old != e) {
			throw new IllegalArgumentException("'" + key + "' names both " + old.key() + " and " + e.key());
		}
	}

	/**
	 * Lower-cases and drops Swift's {@code .Code} segment: {@code CKError.Code.zoneBusy}
	 * → {@code ckerror.zonebusy}.
	 */
	private static String fold(String symbol) {
		return symbol.strip().replace(".Code.", ".").toLowerCase(Locale.ROOT);
	}

	public List<CatalogEntry> entries() {
		return entries;
	}

	/**
	 * The entry a name or alias spells (see the class comment for what counts as a
	 * symbol).
	 */
	public Optional<CatalogEntry> byName(String symbol) {
		return symbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(fold(symbol)));
	}

	/**
	 * Every domain's entry with this number, in file order: {@code 4097} is
	 * NSXPCConnectionInterrupted, and 22 is EINVAL and KERN_INVALID_HOST.
	 */
	public List<CatalogEntry> byCode(int code) {
		return byCode.getOrDefault(code, List.of());
	}

	/**
	 * The entry for a domain spelling and number. Domains match case-insensitively and by
	 * their other spellings ({@code POSIX}, {@code kCFErrorDomainOSStatus},
	 * {@code IOKit}…); kCFErrorDomainCFNetwork also finds the NSURLErrorDomain codes it
	 * mirrors (those with a {@code kCFURLError…} twin), e.g.
	 * {@code (kCFErrorDomainCFNetwork, -1200)}.
	 */
	public Optional<CatalogEntry> byDomainAndCode(String domain, int code) {
		String canonical = canonicalDomain(domain).orElse(null);
		if (canonical == null) {
			return Optional.empty();
		}
		CatalogEntry direct = byKey.get(canonical + ":" + code);
		if (direct != null || !canonical.equals(CFNETWORK_DOMAIN)) {
			return Optional.ofNullable(direct);
		}
		return Optional.ofNullable(byKey.get(URL_DOMAIN + ":" + code))
			.filter(e -> e.aliases().stream().anyMatch(a -> a.startsWith("kCFURLError")));
	}

	/** The catalog's spelling of a domain, if it knows the domain. */
	public Optional<String> canonicalDomain(String domain) {
		return domain == null ? Optional.empty()
				: Optional.ofNullable(domains.get(domain.strip().toLowerCase(Locale.ROOT)));
	}

	/** The one-line meaning for an entity chip, if the code is in the catalog. */
	public Optional<String> meaning(String domain, int code) {
		return byDomainAndCode(domain, code).map(CatalogEntry::meaning);
	}

	/**
	 * Every spelling a search for {@code token} should also match, for query expansion:
	 * the name, the aliases, the decimal code and {@code domain:code}, name first. The
	 * token may be a symbol ({@code errsecmissingentitlement}), {@code domain:code}
	 * ({@code NSURLErrorDomain:-1200}), a hex IOReturn alias ({@code 0xe00002e2}) or a
	 * bare number; a bare number expands only when exactly one entry has it (-34018 does;
	 * 22 names codes in several domains and stays as it is). Empty when the catalog does
	 * not know the token.
	 */
	public List<String> aliasesOf(String token) {
		return entryOf(token).map(ErrorCatalog::spellings).orElse(List.of());
	}

	/** The entry {@code token} names, read as {@link #aliasesOf} reads it. */
	public Optional<CatalogEntry> entryOf(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		String t = token.strip();
		int colon = t.lastIndexOf(':');
		if (colon > 0) {
			Optional<Integer> code = parseInt(t.substring(colon + 1));
			if (code.isPresent()) {
				return byDomainAndCode(t.substring(0, colon), code.get());
			}
		}
		Optional<CatalogEntry> named = byName(t);
		if (named.isPresent()) {
			return named;
		}
		return parseInt(t).map(this::byCode).filter(list -> list.size() == 1).map(List::getFirst);
	}

	/**
	 * A signed decimal that fits an int; checked before parsing because search runs this
	 * on every token of a pasted log and on every chip of a page, and a thrown exception
	 * per word cost more than the lookup.
	 */
	private static Optional<Integer> parseInt(String s) {
		String number = s.strip();
		int digits = number.startsWith("-") || number.startsWith("+") ? 1 : 0;
		if (number.length() == digits || number.length() - digits > 10) {
			return Optional.empty();
		}
		for (int i = digits; i < number.length(); i++) {
			if (number.charAt(i) < '0' || number.charAt(i) > '9') {
				return Optional.empty();
			}
		}
		long value = Long.parseLong(number);
		return value == (int) value ? Optional.of((int) value) : Optional.empty();
	}

	private static List<String> spellings(CatalogEntry e) {
		Set<String> out = new LinkedHashSet<>();
		out.add(e.name());
		out.addAll(e.aliases());
		out.add(Integer.toString(e.code()));
		out.add(e.key());
		return List.copyOf(out);
	}

}
