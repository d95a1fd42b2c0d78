package forumkb.extract;

import static forumkb.extract.EntityKind.API_METHOD;
import static forumkb.extract.EntityKind.API_TYPE;
import static forumkb.extract.EntityKind.CODE;
import static forumkb.extract.EntityKind.C_FUNCTION;
import static forumkb.extract.EntityKind.ENTITLEMENT;
import static forumkb.extract.EntityKind.ERROR;
import static forumkb.extract.EntityKind.FRAMEWORK;
import static forumkb.extract.EntityKind.OS_VERSION;
import static forumkb.extract.EntityKind.SERVICE;
import static forumkb.extract.EntityKind.XCODE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven on real forum text (Apple Developer Forums lines from seeds/ and
 * eval-dev/).
 */
class EntityExtractorTests {

	private final EntityExtractor extractor = new EntityExtractor();

	private static Arguments c(String text, String... expected) {
		return Arguments.of(text, Set.of(expected));
	}

	private static String e(EntityKind kind, String normalized) {
		return kind + " " + normalized;
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// ERROR: domain + code, every spelling; the number is also a CODE
				c("Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named com.apple.nesessionmanager\"",
						e(ERROR, "NSCocoaErrorDomain:4097"), e(CODE, "4097"), e(SERVICE, "com.apple.nesessionmanager")),
				c("The operation couldn’t be completed. (NSURLErrorDomain error -1200.)",
						e(ERROR, "NSURLErrorDomain:-1200"), e(CODE, "-1200")),
				c("failed with NSURLErrorDomain -1200 on iOS 17.4", e(ERROR, "NSURLErrorDomain:-1200"),
						e(CODE, "-1200"), e(OS_VERSION, "iOS 17.4")),
				c("Error Domain=NSOSStatusErrorDomain Code=-34018 \"(null)\"", e(ERROR, "NSOSStatusErrorDomain:-34018"),
						e(CODE, "-34018")),
				c("The error is NEHotspotConfigurationErrorDomain 8 every time",
						e(ERROR, "NEHotspotConfigurationErrorDomain:8"), e(CODE, "8")),
				c("_kCFStreamErrorCodeKey=-9802, NSUnderlyingError=0x600000c5c2d0 {Error Domain=kCFErrorDomainCFNetwork Code=-1200 \"(null)\"",
						e(ERROR, "kCFErrorDomainCFNetwork:-1200"), e(CODE, "-1200")),
				c("Error Domain=NSPOSIXErrorDomain Code=2 \"No such file or directory\"",
						e(ERROR, "NSPOSIXErrorDomain:2"), e(CODE, "2")),
				c("Error Domain=OSSystemExtensionErrorDomain code 4", e(ERROR, "OSSystemExtensionErrorDomain:4"),
						e(CODE, "4")),
				c("Domain=NSURLErrorDomain, Code=-1001", e(ERROR, "NSURLErrorDomain:-1001"), e(CODE, "-1001")),
				c("nsError.domain == NEHotspotConfigurationErrorDomain, nsError.code == 8",
						e(ERROR, "NEHotspotConfigurationErrorDomain")),

				// CODE: numbers only in context, symbols by family
				c("SSLHandshake failed with OSStatus -9806", e(C_FUNCTION, "SSLHandshake"), e(API_TYPE, "OSStatus"),
						e(CODE, "-9806")),
				c("Unexpected errSecInteractionNotAllowed (-25308) When Reading Keychain Item",
						e(CODE, "errSecInteractionNotAllowed"), e(CODE, "-25308")),
				c("SecItemCopyMatching returns -25300 (errSecItemNotFound)", e(C_FUNCTION, "SecItemCopyMatching"),
						e(CODE, "errSecItemNotFound"), e(CODE, "-25300")),
				c("<private> xpc_error=[159: Unknown error: 159]", e(CODE, "xpc_error:159"), e(CODE, "159")),
				c("bind failed, error: 22 (EINVAL)", e(CODE, "22"), e(CODE, "EINVAL")),
				c("open() returns EPERM, then ENOENT after a reboot", e(CODE, "EPERM"), e(CODE, "ENOENT")),
				c("IOServiceOpen returned kIOReturnNotPermitted", e(C_FUNCTION, "IOServiceOpen"),
						e(CODE, "kIOReturnNotPermitted")),
				c("Exception Codes: KERN_INVALID_ADDRESS at 0x0000000000000010", e(CODE, "KERN_INVALID_ADDRESS")),
				c("Exception Type:        EXC_CRASH (SIGKILL)\nException Codes:       0x0000000000000000, 0x0000000000000000",
						e(CODE, "EXC_CRASH"), e(CODE, "SIGKILL"), e(CODE, "0x0")),
				c("Error Signature Thread 4: EXC_BAD_ACCESS (code=1, address=0x28)", e(CODE, "EXC_BAD_ACCESS"),
						e(CODE, "1")),
				c("the app crashes with EXC_CRASH (SIGABRT) and SIGSEGV later", e(CODE, "EXC_CRASH"),
						e(CODE, "SIGABRT"), e(CODE, "SIGSEGV")),
				c("Termination Reason: Namespace <0xF>, Code 0x8badf00d", e(CODE, "0x8badf00d")),
				c("Termination Reason: RUNNINGBOARD 0xdead10cc", e(CODE, "0xdead10cc")),
				c("The connection fails with NSXPCConnectionInterrupted, later NSXPCConnectionInvalid",
						e(CODE, "NSXPCConnectionInterrupted"), e(CODE, "NSXPCConnectionInvalid")),
				c("task failed with NSURLErrorSecureConnectionFailed / kCFURLErrorSecureConnectionFailed",
						e(CODE, "NSURLErrorSecureConnectionFailed"), e(CODE, "kCFURLErrorSecureConnectionFailed")),
				c("SSL error errSSLXCertChainInvalid and errSSLClosedNoNotify", e(CODE, "errSSLXCertChainInvalid"),
						e(CODE, "errSSLClosedNoNotify")),
				c("saveToPreferences fails with NEVPNErrorConfigurationInvalid",
						e(CODE, "NEVPNErrorConfigurationInvalid")),
				c("NEHotspotConfigurationErrorInternal\nError 8 in the NEHotspotConfigurationErrorDomain",
						e(CODE, "NEHotspotConfigurationErrorInternal"), e(CODE, "8"),
						e(ERROR, "NEHotspotConfigurationErrorDomain")),
				c("if error.code == NEHotspotConfigurationError.alreadyAssociated.rawValue",
						e(API_TYPE, "NEHotspotConfigurationError"),
						e(CODE, "NEHotspotConfigurationError.alreadyAssociated")),
				c("*** Terminating app due to uncaught exception 'NSInternalInconsistencyException'",
						e(CODE, "NSInternalInconsistencyException")),
				c("xpc_connection_set_event_handler got XPC_ERROR_CONNECTION_INTERRUPTED",
						e(C_FUNCTION, "xpc_connection_set_event_handler"), e(CODE, "XPC_ERROR_CONNECTION_INTERRUPTED")),
				c("The stop reason is NEProviderStopReasonUserLogout", e(CODE, "NEProviderStopReasonUserLogout")),
				c("status code: 409 (conflict)", e(CODE, "HTTP:409")),
				c("the server answers HTTP/1.1 502 Bad Gateway", e(CODE, "HTTP:502")),
				c("Error 7: The specified session is not activated", e(CODE, "7")),

				// API_TYPE, API_METHOD
				c("I'm creating an NEFilterManager and an NSXPCConnection to talk to CXProvider",
						e(API_TYPE, "NEFilterManager"), e(API_TYPE, "NSXPCConnection"), e(API_TYPE, "CXProvider")),
				c("Implemented WCSessionDelegate, and session(_:didReceiveMessage:) is supposed to update the UI.",
						e(API_TYPE, "WCSessionDelegate"), e(API_METHOD, "session(_:didReceiveMessage:)")),
				c("Using WCSession.default.sendMessage(_:replyHandler:errorHandler:) to send real-time values",
						e(API_TYPE, "WCSession"), e(API_METHOD, "sendMessage(_:replyHandler:errorHandler:)")),
				c("call CXProvider.reportNewIncomingVoIPPushPayload from the NSE", e(API_TYPE, "CXProvider"),
						e(API_METHOD, "reportNewIncomingVoIPPushPayload")),
				c("reportNewIncomingVoIPPushPayload(_: completion:) never fires",
						e(API_METHOD, "reportNewIncomingVoIPPushPayload(_:completion:)")),
				c("I call saveToPreferencesWithCompletionHandler: and then loadFromPreferences",
						e(API_METHOD, "saveToPreferencesWithCompletionHandler:")),
				c("[connection setClasses:forSelector:argumentIndex:ofReply:] with NSSet",
						e(API_METHOD, "setClasses:forSelector:argumentIndex:ofReply:"), e(API_TYPE, "NSSet")),
				c("3 Foundation 0x0000000187654321 -[NSXPCConnection setCodeSigningRequirement:] + 140",
						e(FRAMEWORK, "Foundation"), e(API_TYPE, "NSXPCConnection"),
						e(API_METHOD, "setCodeSigningRequirement:")),
				c("2 NetworkExtension 0x00000001b0446618 +[NEHotspotHelper supportedNetworkInterfaces] + 32 (NEHotspotHelper.m:563)",
						e(FRAMEWORK, "NetworkExtension"), e(API_TYPE, "NEHotspotHelper"),
						e(API_METHOD, "supportedNetworkInterfaces")),
				c("override func handleNewFlow(_ flow: NEFilterFlow) — handleNewFlow(_:) is called on a queue",
						e(API_TYPE, "NEFilterFlow"), e(API_METHOD, "handleNewFlow(_:)")),
				c("let listener = XPCListener(service: name) and a URLSession, NWConnection and SecTrust",
						e(API_TYPE, "XPCListener"), e(API_TYPE, "URLSession"), e(API_TYPE, "NWConnection"),
						e(API_TYPE, "SecTrust")),
				c("let task = URLSession.shared.dataTask(with: request)", e(API_TYPE, "URLSession")),
				c("URLSession downloadTask(with:) TimeOut Error", e(API_TYPE, "URLSession"),
						e(API_METHOD, "downloadTask(with:)")),
				c("NWConnection(host:port:using:) fails", e(API_TYPE, "NWConnection"),
						e(API_METHOD, "init(host:port:using:)")),
				c("the NEAppPushProvider subclass in my NEAppPushManager config", e(API_TYPE, "NEAppPushProvider"),
						e(API_TYPE, "NEAppPushManager")),
				c("NSLog(@\"SecItemCopyMatching end status = %d\", status);", e(C_FUNCTION, "NSLog"),
						e(C_FUNCTION, "SecItemCopyMatching")),

				// C_FUNCTION
				c("using xpc_connection_create_mach_service, then xpc_connection_resume",
						e(C_FUNCTION, "xpc_connection_create_mach_service"), e(C_FUNCTION, "xpc_connection_resume")),
				c("SecTrustEvaluateWithError returns false; SecCodeCheckValidity and SecCopyErrorMessageString",
						e(C_FUNCTION, "SecTrustEvaluateWithError"), e(C_FUNCTION, "SecCodeCheckValidity"),
						e(C_FUNCTION, "SecCopyErrorMessageString")),
				c("nw_connection_create() then dispatch_async(dispatch_get_main_queue(), ^{",
						e(C_FUNCTION, "nw_connection_create"), e(C_FUNCTION, "dispatch_async"),
						e(C_FUNCTION, "dispatch_get_main_queue")),
				c("0 libsystem_kernel.dylib 0x00000001e1a3e1d0 __pthread_kill + 8\n1 libobjc.A.dylib 0x19b0 objc_exception_throw + 60",
						e(FRAMEWORK, "libsystem_kernel"), e(C_FUNCTION, "__pthread_kill"),
						e(C_FUNCTION, "objc_exception_throw")),
				c("let q: dispatch_queue_t and nw_connection_t conn", e(API_TYPE, "dispatch_queue_t"),
						e(API_TYPE, "nw_connection_t")),
				c("SecAccessControlCreateWithFlags with SecAccessControlCreateFlags and a SecKeyRef",
						e(C_FUNCTION, "SecAccessControlCreateWithFlags"), e(API_TYPE, "SecAccessControlCreateFlags"),
						e(API_TYPE, "SecKeyRef")),
				c("CFRunLoopRunSpecific + 572 in CFRunLoop", e(C_FUNCTION, "CFRunLoopRunSpecific"),
						e(API_TYPE, "CFRunLoop")),

				// FRAMEWORK, ENTITLEMENT, SERVICE
				c("NWListener (Network framework) on the UDP port, not Network.framework's old API",
						e(API_TYPE, "NWListener"), e(FRAMEWORK, "Network")),
				c("Linking CallKit and PushKit, CoreFoundation.framework, Security.framework", e(FRAMEWORK, "CallKit"),
						e(FRAMEWORK, "PushKit"), e(FRAMEWORK, "CoreFoundation"), e(FRAMEWORK, "Security")),
				c("<key>com.apple.developer.networking.networkextension</key>",
						e(ENTITLEMENT, "com.apple.developer.networking.networkextension")),
				c("add com.apple.security.temporary-exception.mach-lookup.global-name and keychain-access-groups.",
						e(ENTITLEMENT, "com.apple.security.temporary-exception.mach-lookup.global-name"),
						e(ENTITLEMENT, "keychain-access-groups")),
				c("com.apple.developer.usernotifications.filtering and com.apple.security.app-sandbox",
						e(ENTITLEMENT, "com.apple.developer.usernotifications.filtering"),
						e(ENTITLEMENT, "com.apple.security.app-sandbox")),
				c("requires com.apple.callkit.notificationserviceextension.voip",
						e(SERVICE, "com.apple.callkit.notificationserviceextension.voip")),
				c("default 08:11:58.531567-0700 nesessionmanager[903]: NESMVPNSession: status changed\n"
						+ "error 08:11:58.532 neagent[1284]: callservicesd and trustd, sysextd, mDNSResponder",
						e(SERVICE, "nesessionmanager"), e(API_TYPE, "NESMVPNSession"), e(SERVICE, "neagent"),
						e(SERVICE, "callservicesd"), e(SERVICE, "trustd"), e(SERVICE, "sysextd"),
						e(SERVICE, "mDNSResponder")),
				c("Thread 1 Crashed:: Dispatch queue: com.apple.main-thread"),

				// OS_VERSION, XCODE_VERSION
				c("Tested on macOS 14.2.1 and macOS Sonoma 14, now macOS Tahoe", e(OS_VERSION, "macOS 14.2.1"),
						e(OS_VERSION, "macOS 14"), e(OS_VERSION, "macOS 26")),
				c("iPadOS 18 and watchOS 10.4, tvOS 17, visionOS 2", e(OS_VERSION, "iPadOS 18"),
						e(OS_VERSION, "watchOS 10.4"), e(OS_VERSION, "tvOS 17"), e(OS_VERSION, "visionOS 2")),
				c("Built with Xcode 16.2 on iOS 18.0 and Mac OS X 10.15", e(XCODE_VERSION, "Xcode 16.2"),
						e(OS_VERSION, "iOS 18"), e(OS_VERSION, "macOS 10.15")),

				// Negatives: noise and plain words are nothing
				c("Hi everyone, I have 3 devices on WiFi / Wi-Fi and it is OK."),
				c("The iOS and watchOS app uses TLS over HTTP with MDM; the API is fine. NSE extension."),
				c("UDP port 6454 and sACN (UDP port 5568) packets in 2025"),
				c("0x19b556388 0x0000000221d87a4c pid 1284 [903] 2025-06-01T00:00:00Z 08:11:58.531567-0700"),
				c("E621E1F8-C36C-495A-93FC-0C247A3E6E5F and 4f1c2a3b-0d9e-4c11-8a7b-1234567890ab"),
				c("0 CaptiveNetwork 0x0000000221d87a4c ServerConnectionGetHandlerQueue + 0 (ServerConnection.c:509)",
						e(FRAMEWORK, "CaptiveNetwork")),
				c("<NSXPCConnection: 0xa6d84b340> connection from pid 1284", e(API_TYPE, "NSXPCConnection")),
				c("error 08:11:58.532 and version 18.1 with error: 0x1b07d3af0"),
				c("NSLocalizedDescription=The request timed out., NSErrorFailingURLKey=https://example.com/"),
				c("Add NSLocalNetworkUsageDescription and NSBonjourServices to Info.plist"),
				c("Read https://developer.apple.com/forums/thread/708877 at 10:30, see note: thanks"));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void extractsExactlyTheExpectedEntities(String text, Set<String> expected) {
		Set<String> found = extractor.extract(text)
			.stream()
			.map(x -> e(x.kind(), x.normalized()))
			.collect(Collectors.toSet());
		assertThat(found).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("cases")
	void rangesMatchTheRawTextAndComeInTextOrder(String text, Set<String> ignored) {
		List<ExtractedEntity> all = extractor.extract(text);
		Set<String> seen = new HashSet<>();
		int lastStart = -1;
		for (ExtractedEntity x : all) {
			assertThat(text.substring(x.start(), x.end())).isEqualTo(x.raw());
			assertThat(x.start()).isGreaterThanOrEqualTo(lastStart);
			assertThat(seen.add(x.kind() + "@" + x.start() + "-" + x.end())).as("one %s per range", x.kind()).isTrue();
			lastStart = x.start();
		}
	}

	@Test
	void keepsEveryOccurrenceWithItsOwnOffsets() {
		String text = "EXC_CRASH first, then EXC_CRASH again";
		List<ExtractedEntity> all = extractor.extract(text);
		assertThat(all).extracting(ExtractedEntity::start).containsExactly(0, 22);
		assertThat(all).extracting(ExtractedEntity::normalized).containsOnly("EXC_CRASH");
	}

	@Test
	void domainErrorAndItsCodeShareTheNumberRange() {
		String text = "Error Domain=NSCocoaErrorDomain Code=4097";
		List<ExtractedEntity> all = extractor.extract(text);
		assertThat(all).extracting(ExtractedEntity::raw).containsExactly("NSCocoaErrorDomain Code=4097", "4097");
	}

	@Test
	void emptyAndNullTextHaveNoEntities() {
		assertThat(extractor.extract("")).isEmpty();
		assertThat(extractor.extract(null)).isEmpty();
	}

	@Test
	void methodBaseNamesMeetAcrossSpellings() {
		assertThat(MethodNames.baseName("saveToPreferencesWithCompletionHandler:"))
			.isEqualTo(MethodNames.baseName("saveToPreferences(completionHandler:)"));
		assertThat(MethodNames.baseName("reportNewIncomingVoIPPushPayload:withCompletionHandler:"))
			.isEqualTo(MethodNames.baseName("reportNewIncomingVoIPPushPayload(_:completion:)"));
		assertThat(MethodNames.baseName("startTunnelWithOptions:completionHandler:"))
			.isEqualTo(MethodNames.baseName("startTunnel(options:completionHandler:)"));
	}

}
