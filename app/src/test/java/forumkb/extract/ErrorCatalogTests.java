package forumkb.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped catalog file: its shape, its coverage per domain, and exact values from the
 * SDK headers.
 */
class ErrorCatalogTests {

	private final ErrorCatalog catalog = ErrorCatalog.load();

	private static List<String> rawLines() throws IOException {
		try (InputStream in = ErrorCatalog.class.getResourceAsStream("/catalog/error-codes.tsv")) {
			assertThat(in).as("catalog resource").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static List<String[]> dataRows() throws IOException {
		List<String> lines = rawLines();
		List<String[]> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank() && !line.startsWith("#")) {
				rows.add(line.split("\t", -1));
			}
		}
		return rows;
	}

	@Test
	void everyLineHasFiveColumnsAndAnIntegerCode() throws IOException {
		assertThat(rawLines().getFirst()).isEqualTo("domain\tcode\tname\taliases\tmeaning");
		for (String[] f : dataRows()) {
			String line = String.join("\t", f);
			assertThat(f).as(line).hasSize(5);
			assertThat(f[1]).as(line).matches("-?\\d+");
			assertThat(f[0]).as(line).isNotBlank();
			assertThat(f[2]).as(line).isNotBlank();
			assertThat(f[4]).as(line).isNotBlank();
		}
		assertThat(catalog.entries()).hasSize(dataRows().size());
	}

	@Test
	void noDuplicateCodesOrNamesAndSortedByDomainThenCode() throws IOException {
		Set<String> keys = new HashSet<>();
		Set<String> names = new HashSet<>();
		String[] previous = null;
		for (String[] f : dataRows()) {
			assertThat(keys.add(f[0] + ":" + f[1])).as("duplicate " + f[0] + " " + f[1]).isTrue();
			assertThat(names.add(f[0] + ":" + f[2])).as("duplicate name " + f[2]).isTrue();
			if (previous != null) {
				int byDomain = previous[0].compareTo(f[0]);
				assertThat(byDomain < 0 || byDomain == 0 && Integer.parseInt(previous[1]) < Integer.parseInt(f[1]))
					.as("sorted: " + f[0] + " " + f[1] + " after " + previous[0] + " " + previous[1])
					.isTrue();
			}
			previous = f;
		}
	}

	static Stream<Arguments> minimumCounts() {
		Predicate<CatalogEntry> any = e -> true;
		return Stream.of(Arguments.of("NSURLErrorDomain", any, 49),
				Arguments.of("NSOSStatusErrorDomain", (Predicate<CatalogEntry>) e -> e.name().startsWith("errSec"),
						380),
				Arguments.of("NSOSStatusErrorDomain", (Predicate<CatalogEntry>) e -> e.name().startsWith("errSSL"), 74),
				Arguments.of("NSPOSIXErrorDomain", any, 106), Arguments.of("NSMachErrorDomain", any, 57),
				Arguments.of("IOReturn", any, 53), Arguments.of("NSCocoaErrorDomain", any, 60),
				Arguments.of("CKErrorDomain", any, 37), Arguments.of("CBErrorDomain", any, 19),
				Arguments.of("CBATTErrorDomain", any, 18), Arguments.of("NEVPNErrorDomain", any, 6),
				Arguments.of("NEVPNConnectionErrorDomain", any, 19), Arguments.of("NEFilterErrorDomain", any, 6),
				Arguments.of("NEHotspotConfigurationErrorDomain", any, 18),
				Arguments.of("NEAppProxyFlowErrorDomain", any, 10), Arguments.of("NEDNSProxyErrorDomain", any, 4),
				Arguments.of("NEDNSSettingsErrorDomain", any, 4), Arguments.of("NETunnelProviderErrorDomain", any, 3),
				Arguments.of("NEAppPushErrorDomain", any, 4), Arguments.of("OSSystemExtensionErrorDomain", any, 13),
				Arguments.of("kCFErrorDomainCFNetwork", any, 38),
				Arguments.of("com.apple.AuthenticationServices.AuthorizationError", any, 9),
				Arguments.of("com.apple.LocalAuthentication", any, 15));
	}

	@ParameterizedTest(name = "{0} has at least {2}")
	@MethodSource("minimumCounts")
	void everyDomainIsComplete(String domain, Predicate<CatalogEntry> filter, int minimum) {
		long n = catalog.entries().stream().filter(e -> e.domain().equals(domain)).filter(filter).count();
		assertThat(n).isGreaterThanOrEqualTo(minimum);
	}

	static Stream<Arguments> exactValues() {
		return Stream.of(Arguments.of("errSecMissingEntitlement", "NSOSStatusErrorDomain", -34018),
				Arguments.of("errSecItemNotFound", "NSOSStatusErrorDomain", -25300),
				Arguments.of("errSecDuplicateItem", "NSOSStatusErrorDomain", -25299),
				Arguments.of("errSecInteractionNotAllowed", "NSOSStatusErrorDomain", -25308),
				Arguments.of("errSecParam", "NSOSStatusErrorDomain", -50),
				Arguments.of("errSSLXCertChainInvalid", "NSOSStatusErrorDomain", -9807),
				Arguments.of("errSSLFatalAlert", "NSOSStatusErrorDomain", -9802),
				Arguments.of("errSSLClosedAbort", "NSOSStatusErrorDomain", -9806),
				Arguments.of("errSSLNoRootCert", "NSOSStatusErrorDomain", -9813),
				Arguments.of("errSSLPeerCertUnknown", "NSOSStatusErrorDomain", -9829),
				Arguments.of("NSURLErrorSecureConnectionFailed", "NSURLErrorDomain", -1200),
				Arguments.of("NSURLErrorServerCertificateUntrusted", "NSURLErrorDomain", -1202),
				Arguments.of("NSURLErrorCannotFindHost", "NSURLErrorDomain", -1003),
				Arguments.of("NSURLErrorNetworkConnectionLost", "NSURLErrorDomain", -1005),
				Arguments.of("NSURLErrorNotConnectedToInternet", "NSURLErrorDomain", -1009),
				Arguments.of("NSURLErrorAppTransportSecurityRequiresSecureConnection", "NSURLErrorDomain", -1022),
				Arguments.of("NSURLErrorCancelled", "NSURLErrorDomain", -999),
				Arguments.of("ENETDOWN", "NSPOSIXErrorDomain", 50), Arguments.of("EINVAL", "NSPOSIXErrorDomain", 22),
				Arguments.of("EPERM", "NSPOSIXErrorDomain", 1), Arguments.of("ECONNREFUSED", "NSPOSIXErrorDomain", 61),
				Arguments.of("KERN_INVALID_ARGUMENT", "NSMachErrorDomain", 4),
				Arguments.of("KERN_OPERATION_TIMED_OUT", "NSMachErrorDomain", 49),
				Arguments.of("kIOReturnNotPermitted", "IOReturn", 0xe00002e2),
				Arguments.of("kIOReturnNotPrivileged", "IOReturn", 0xe00002c1),
				Arguments.of("NSXPCConnectionInterrupted", "NSCocoaErrorDomain", 4097),
				Arguments.of("NSXPCConnectionInvalid", "NSCocoaErrorDomain", 4099),
				Arguments.of("NSXPCConnectionReplyInvalid", "NSCocoaErrorDomain", 4101),
				Arguments.of("NSFileReadNoSuchFileError", "NSCocoaErrorDomain", 260),
				Arguments.of("NEHotspotConfigurationErrorInternal", "NEHotspotConfigurationErrorDomain", 8),
				Arguments.of("NEHotspotConfigurationErrorAlreadyAssociated", "NEHotspotConfigurationErrorDomain", 13),
				Arguments.of("NEVPNErrorConfigurationInvalid", "NEVPNErrorDomain", 1),
				Arguments.of("NEFilterManagerErrorConfigurationPermissionDenied", "NEFilterErrorDomain", 5),
				Arguments.of("NEAppProxyFlowErrorPeerReset", "NEAppProxyFlowErrorDomain", 2),
				Arguments.of("CBErrorPeripheralDisconnected", "CBErrorDomain", 7),
				Arguments.of("CBATTErrorInsufficientAuthentication", "CBATTErrorDomain", 5),
				Arguments.of("CKErrorNetworkUnavailable", "CKErrorDomain", 3),
				Arguments.of("CKErrorServerRecordChanged", "CKErrorDomain", 14),
				Arguments.of("OSSystemExtensionErrorAuthorizationRequired", "OSSystemExtensionErrorDomain", 13),
				Arguments.of("ASAuthorizationErrorCanceled", "com.apple.AuthenticationServices.AuthorizationError",
						1001),
				Arguments.of("LAErrorBiometryLockout", "com.apple.LocalAuthentication", -8),
				Arguments.of("kCFHostErrorHostNotFound", "kCFErrorDomainCFNetwork", 1));
	}

	@ParameterizedTest(name = "{0} = {1} {2}")
	@MethodSource("exactValues")
	void namesCarryTheHeaderValues(String name, String domain, int code) {
		assertThat(catalog.byName(name)).get()
			.returns(domain, CatalogEntry::domain)
			.returns(code, CatalogEntry::code)
			.returns(name, CatalogEntry::name);
		assertThat(catalog.byDomainAndCode(domain, code)).get().returns(name, CatalogEntry::name);
	}

	static Stream<Arguments> aliasesMeet() {
		return Stream.of(Arguments.of("errsecmissingentitlement", "NSOSStatusErrorDomain:-34018"),
				Arguments.of("URLError.secureConnectionFailed", "NSURLErrorDomain:-1200"),
				Arguments.of("URLError.Code.secureConnectionFailed", "NSURLErrorDomain:-1200"),
				Arguments.of("kCFURLErrorSecureConnectionFailed", "NSURLErrorDomain:-1200"),
				Arguments.of("NEVPNError.configurationInvalid", "NEVPNErrorDomain:1"),
				Arguments.of("CKError.Code.networkUnavailable", "CKErrorDomain:3"),
				Arguments.of("CBError.Code.peripheralDisconnected", "CBErrorDomain:7"),
				Arguments.of("CBErrorUnkownDevice", "CBErrorDomain:12"),
				Arguments.of("POSIXError.ENETDOWN", "NSPOSIXErrorDomain:50"),
				Arguments.of("EWOULDBLOCK", "NSPOSIXErrorDomain:35"), Arguments.of("0xE00002E2", "IOReturn:-536870174"),
				Arguments.of("CocoaError.xpcConnectionInterrupted", "NSCocoaErrorDomain:4097"),
				Arguments.of("NEHotspotConfigurationError.internal", "NEHotspotConfigurationErrorDomain:8"),
				Arguments.of("LAError.touchIDLockout", "com.apple.LocalAuthentication:-8"),
				Arguments.of("paramErr", "NSOSStatusErrorDomain:-50"),
				Arguments.of("errSecInvaldCRLAuthority", "NSOSStatusErrorDomain:-67827"),
				Arguments.of("kCFNetServicesErrorTimeout", "kCFErrorDomainCFNetwork:-72007"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("aliasesMeet")
	void everySpellingFindsTheSameCode(String symbol, String key) {
		assertThat(catalog.byName(symbol)).get().returns(key, CatalogEntry::key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cancelled", ".timedOut", "internal", "unknown", "secureConnectionFailed", "", "  " })
	void bareSwiftCasesAndEnglishAreNotSymbols(String word) {
		assertThat(catalog.byName(word)).isEmpty();
	}

	@Test
	void byCodeSpansDomains() {
		assertThat(catalog.byCode(4097)).extracting(CatalogEntry::name).contains("NSXPCConnectionInterrupted");
		assertThat(catalog.byCode(-1200)).extracting(CatalogEntry::name)
			.containsExactly("NSURLErrorSecureConnectionFailed");
		assertThat(catalog.byCode(22)).extracting(CatalogEntry::name).contains("EINVAL", "KERN_INVALID_HOST");
		assertThat(catalog.byCode(123_456_789)).isEmpty();
	}

	static Stream<Arguments> domainSpellings() {
		return Stream.of(Arguments.of("kCFErrorDomainCFNetwork", -1200, "NSURLErrorSecureConnectionFailed"),
				Arguments.of("kCFErrorDomainCFNetwork", -998, "kCFURLErrorUnknown"),
				Arguments.of("nsurlerrordomain", -1202, "NSURLErrorServerCertificateUntrusted"),
				Arguments.of("NSOSStatusErrorDomain", -9806, "errSSLClosedAbort"),
				Arguments.of("kCFErrorDomainOSStatus", -25300, "errSecItemNotFound"),
				Arguments.of("POSIX", 50, "ENETDOWN"), Arguments.of("NSPOSIXErrorDomain", 61, "ECONNREFUSED"),
				Arguments.of("NSMachErrorDomain", 4, "KERN_INVALID_ARGUMENT"),
				Arguments.of("IOKit", -536870174, "kIOReturnNotPermitted"),
				Arguments.of("LAErrorDomain", -6, "LAErrorBiometryNotAvailable"),
				Arguments.of("ASAuthorizationErrorDomain", 1001, "ASAuthorizationErrorCanceled"));
	}

	@ParameterizedTest(name = "{0} {1} = {2}")
	@MethodSource("domainSpellings")
	void domainSpellingsMeet(String domain, int code, String name) {
		assertThat(catalog.byDomainAndCode(domain, code)).get().returns(name, CatalogEntry::name);
	}

	@Test
	void cfNetworkMirrorsOnlyTheCodesWithAKcfTwin() {
		// NSURLErrorUnknown is -1 but kCFURLErrorUnknown is -998; -995 has no CF twin.
		assertThat(catalog.byDomainAndCode("kCFErrorDomainCFNetwork", -1)).isEmpty();
		assertThat(catalog.byDomainAndCode("kCFErrorDomainCFNetwork", -995)).isEmpty();
		assertThat(catalog.byDomainAndCode("NoSuchDomain", 1)).isEmpty();
	}

	@Test
	void meaningFeedsEntityChips() {
		assertThat(catalog.meaning("NSOSStatusErrorDomain", -34018)).get().asString().contains("entitlement");
		assertThat(catalog.meaning("NEHotspotConfigurationErrorDomain", 8)).get()
			.asString()
			.containsIgnoringCase("internal");
		assertThat(catalog.meaning("NSURLErrorDomain", 1)).isEmpty();
	}

	static Stream<Arguments> expansions() {
		return Stream.of(
				Arguments.of("errsecmissingentitlement",
						List.of("errSecMissingEntitlement", "-34018", "NSOSStatusErrorDomain:-34018")),
				Arguments.of("-34018", List.of("errSecMissingEntitlement", "NSOSStatusErrorDomain:-34018")),
				Arguments.of(" NSOSStatusErrorDomain:-34018 ", List.of("errSecMissingEntitlement", "-34018")),
				Arguments.of("NSURLErrorDomain:-1200",
						List.of("NSURLErrorSecureConnectionFailed", "URLError.secureConnectionFailed",
								"kCFURLErrorSecureConnectionFailed", "-1200")),
				Arguments.of("0xe00002e2", List.of("kIOReturnNotPermitted", "-536870174", "IOReturn:-536870174")),
				Arguments.of("NSCocoaErrorDomain:4097", List.of("NSXPCConnectionInterrupted", "4097")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("expansions")
	void aliasesOfExpandsAQueryTerm(String token, List<String> expected) {
		List<String> spellings = catalog.aliasesOf(token);
		assertThat(spellings).containsAll(expected).doesNotHaveDuplicates();
		assertThat(spellings.getFirst()).isEqualTo(expected.getFirst());
	}

	@ParameterizedTest
	@ValueSource(strings = { "22", "1", "cancelled", "hello", "NoSuchDomain:1", "", "-", "EXC_CRASH", "0x0",
			"99999999999", "NSOSStatusErrorDomain:-34018x" })
	void aliasesOfLeavesAmbiguousAndUnknownTokensAlone(String token) {
		assertThat(catalog.aliasesOf(token)).isEmpty();
	}

	@Test
	void malformedLinesAreRejectedWithTheirLineNumber() {
		String header = "domain\tcode\tname\taliases\tmeaning";
		assertThatThrownBy(() -> ErrorCatalog.parse(List.of(header, "D\t1\tN\t")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 2");
		assertThatThrownBy(() -> ErrorCatalog.parse(List.of(header, "# c", "D\tx\tN\t\tm")))
			.hasMessageContaining("line 3")
			.hasMessageContaining("integer");
		assertThatThrownBy(() -> ErrorCatalog.parse(List.of(header, "D\t1\tN\t\tm", "D\t1\tM\t\tm")))
			.hasMessageContaining("D:1");
		assertThatThrownBy(() -> ErrorCatalog.parse(List.of(header, "D\t1\tN\t\tm", "E\t2\tn\t\tm")))
			.hasMessageContaining("'n'");
	}

	@Test
	void loadIsASingleton() {
		assertThat(ErrorCatalog.load()).isSameAs(catalog);
		Map<String, Long> perDomain = catalog.entries()
			.stream()
			.collect(Collectors.groupingBy(CatalogEntry::domain, Collectors.counting()));
		assertThat(perDomain).hasSize(22);
	}

}
