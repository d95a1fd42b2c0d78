package forumkb.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Curated word lists behind the extraction rules. Lists, not patterns, where a pattern
 * would also match English ("Security", "smd" is fine, "bird" is not) or where Apple's
 * naming is irregular. Keep each list to what the platform headers and logs actually use.
 */
final class Vocabulary {

	private Vocabulary() {
	}

	/**
	 * Framework prefixes of Apple types, longest first so "XPC" wins over nothing and
	 * "Sec" over "S…".
	 */
	static final List<String> TYPE_PREFIXES = List.of("XPC", "Sec", "NS", "NE", "CX", "PK", "UI", "CL", "CB", "AV",
			"SK", "WK", "CK", "UN", "CF", "CG", "NW", "WC", "MK", "HK", "AS", "SF", "OS", "LA", "DC", "BG", "CT", "CN",
			"SC");

	/**
	 * Prefixes of CamelCase C functions (SecTrustEvaluateWithError, CFRelease,
	 * SSLHandshake).
	 */
	static final List<String> FUNCTION_PREFIXES = List.of("Sec", "SSL", "CF", "CG", "SC", "CN", "IO", "LS", "AX", "CC");

	/** Verb humps that make a prefixed CamelCase name a function rather than a type. */
	static final Set<String> FUNCTION_VERBS = Set.of("Create", "Copy", "Get", "Set", "Evaluate", "Check", "Add",
			"Update", "Delete", "Release", "Retain", "Run", "Import", "Export", "Sign", "Verify", "Is", "Has", "Apply",
			"Register", "Remove", "Start", "Stop", "Perform", "Show", "Make", "Encrypt", "Decrypt", "Generate",
			"Validate", "Find", "Schedule", "Unschedule", "Invalidate", "Open", "Close", "Read", "Write", "Handshake",
			"Append", "Contains", "Compare", "Request", "Install", "Convert", "Cancel", "Crypt", "Matching");

	/**
	 * Verbs allowed right after the prefix (SecCopyErrorMessageString, CFRelease) — not
	 * "Run" (CFRunLoop).
	 */
	static final Set<String> LEADING_FUNCTION_VERBS = Set.of("Create", "Copy", "Get", "Set", "Release", "Retain",
			"Show", "Make", "Crypt", "Handshake", "Is");

	/**
	 * Last humps that mark a typedef even when a verb precedes
	 * (SecAccessControlCreateFlags).
	 */
	static final Set<String> TYPE_SUFFIXES = Set.of("Ref", "Flags", "Type", "Options", "Mask", "Kind", "Callback",
			"Block", "ID");

	/**
	 * Swift Foundation/Dispatch types without a prefix; only multi-hump names, so never
	 * plain English.
	 */
	static final Set<String> UNPREFIXED_TYPES = Set.of("DispatchQueue", "DispatchGroup", "DispatchSemaphore",
			"DispatchSource", "DispatchWorkItem", "FileManager", "UserDefaults", "ProcessInfo", "JSONDecoder",
			"JSONEncoder", "JSONSerialization", "NotificationCenter", "OperationQueue", "RunLoop",
			"PropertyListDecoder", "PropertyListEncoder", "AsyncStream", "CheckedContinuation");

	/** ObjC functions of Foundation/UIKit (NSLog is a function, not a type). */
	static final Set<String> NS_FUNCTIONS = Set.of("NSLog", "NSLogv", "NSTemporaryDirectory", "NSHomeDirectory",
			"NSUserName", "NSFullUserName", "NSSearchPathForDirectoriesInDomains", "NSApplicationMain",
			"UIApplicationMain");

	/**
	 * Types and functions nearly every post uses whatever its problem: logging, the error
	 * box, Foundation's basic containers and numbers. Found in a thread they tell it
	 * apart from others no better than "the" does, so they are not shown as its entities.
	 */
	static final Set<String> UBIQUITOUS_APIS = Set.of("NSLog", "NSLogv", "NSError", "NSObject", "NSString",
			"NSMutableString", "NSArray", "NSMutableArray", "NSDictionary", "NSMutableDictionary", "NSNumber", "NSData",
			"NSInteger", "NSUInteger", "CGFloat", "NSException", "DispatchQueue");

	/**
	 * Lower-case prefixes of snake_case C APIs; leading underscores are ignored when
	 * matching.
	 */
	static final List<String> SNAKE_PREFIXES = List.of("xpc_", "nw_", "dispatch_", "sec_", "os_", "objc_", "pthread_",
			"mach_", "bootstrap_", "launch_", "sandbox_", "notify_", "es_", "proc_", "posix_", "cxa_", "abort_",
			"swift_", "task_", "dyld_", "sqlite3_", "kevent", "vm_");

	/** Frameworks whose name is not an English word, recognised bare. */
	static final Set<String> FRAMEWORKS = Set.of("NetworkExtension", "CallKit", "PushKit", "Foundation",
			"CoreFoundation", "CoreBluetooth", "WatchConnectivity", "EndpointSecurity", "SystemExtensions",
			"UserNotifications", "UIKit", "UIKitCore", "AppKit", "SwiftUI", "CFNetwork", "CoreLocation", "AVFoundation",
			"StoreKit", "WebKit", "CloudKit", "HealthKit", "MapKit", "MultipeerConnectivity", "CoreData", "CoreMotion",
			"CoreTelephony", "SystemConfiguration", "ServiceManagement", "LocalAuthentication",
			"AuthenticationServices", "DeviceCheck", "BackgroundTasks", "NearbyInteraction", "CryptoKit", "CoreML",
			"IOKit", "CaptiveNetwork", "WatchKit", "XCTest", "CoreWLAN", "NetworkingExtension", "CoreMedia", "AVKit",
			"ActivityKit", "WidgetKit", "AppIntents", "FileProvider", "ExtensionFoundation", "ExtensionKit",
			"CoreServices", "ExternalAccessory", "CoreNFC", "DriverKit", "Virtualization", "AudioToolbox");

	/**
	 * Frameworks named like English words: only with ".framework" or a following
	 * "framework".
	 */
	static final Set<String> AMBIGUOUS_FRAMEWORKS = Set.of("Network", "Security", "Combine", "Contacts", "Photos",
			"Messages", "Metal", "Vision", "Speech", "Intents", "Accelerate", "Dispatch");

	/** Daemons and agents as they appear in logs ("nesessionmanager[903]: …"). */
	static final Set<String> DAEMONS = Set.of("nesessionmanager", "neagent", "nehelper", "callservicesd", "smd",
			"trustd", "nsurlsessiond", "apsd", "launchd", "sysextd", "mDNSResponder", "securityd", "secd", "configd",
			"symptomsd", "networkd", "identityservicesd", "runningboardd", "backboardd", "SpringBoard", "locationd",
			"bluetoothd", "airportd", "wifid", "syspolicyd", "amfid", "tccd", "cfprefsd", "opendirectoryd", "nfcd",
			"installd", "containermanagerd", "dasd", "xpcproxy", "mediaserverd", "audiomxd", "cloudd", "accountsd",
			"akd", "appstored", "powerd", "usermanagerd", "endpointsecurityd", "kernelmanagerd", "coreaudiod",
			"WirelessRadioManagerd", "CommCenter", "mobileassetd", "softwareupdated", "nanoregistryd", "companiond",
			"sharingd", "rapportd", "pkd");

	/** POSIX errno names (sys/errno.h); all-caps and E-led, so a list is precise. */
	static final Set<String> ERRNO_NAMES = Set.of("EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG",
			"ENOEXEC", "EBADF", "ECHILD", "EDEADLK", "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
			"ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE",
			"EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EAGAIN", "EWOULDBLOCK", "EINPROGRESS", "EALREADY",
			"ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ENOTSUP",
			"EOPNOTSUPP", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET",
			"ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETIMEDOUT", "ECONNREFUSED",
			"ELOOP", "ENAMETOOLONG", "EHOSTDOWN", "EHOSTUNREACH", "ENOTEMPTY", "EDQUOT", "ESTALE", "ENOLCK", "ENOSYS",
			"EAUTH", "ENEEDAUTH", "ENOATTR", "EBADMSG", "EOVERFLOW", "ECANCELED", "EILSEQ", "ENOPOLICY", "EBADEXEC",
			"EBADARCH", "EQFULL", "EPWROFF", "EDEVERR");

	static final Set<String> SIGNALS = Set.of("SIGABRT", "SIGKILL", "SIGSEGV", "SIGBUS", "SIGTERM", "SIGTRAP", "SIGILL",
			"SIGPIPE", "SIGFPE", "SIGSYS", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGSTOP",
			"SIGCHLD");

	/** ALL_CAPS code families (mach, exception, XPC error constants). */
	static final List<String> UPPER_CODE_PREFIXES = List.of("KERN_", "EXC_", "MACH_SEND_", "MACH_RCV_", "MACH_MSG_",
			"BOOTSTRAP_", "XPC_ERROR_");

	/** Prefixes of symbolic status constants; the next character must be upper-case. */
	static final List<String> SYMBOLIC_CODE_PREFIXES = List.of("errSec", "errSSL", "errAuthorization", "kIOReturn",
			"kCFURLError", "kCFStreamError", "kCFNetServicesError", "kCFHostError", "kSecTrustResult", "kPOSIXError",
			"kCFSocket", "kNWError");

	/**
	 * Cocoa error constants spelled NS…Error (NSFileReadNoPermissionError), by their
	 * family prefix.
	 */
	static final List<String> NS_ERROR_FAMILIES = List.of("NSFile", "NSPropertyList", "NSCoder", "NSUserCancelled",
			"NSFeatureUnsupported", "NSKeyValueValidation", "NSExecutable", "NSFormatting", "NSUbiquitous",
			"NSCloudSharing", "NSValidation", "NSBundleOnDemand", "NSCompression");

	/**
	 * Enum types whose cases are status/reason codes: NEProviderStopReasonUserLogout is a
	 * CODE.
	 */
	static final List<String> CODE_ENUMS = List.of("NEProviderStopReason", "NEVPNStatus", "CBManagerState",
			"CLAuthorizationStatus", "UNAuthorizationStatus", "WKExtendedRuntimeSessionInvalidationReason",
			"NSXPCConnection", "NEFilterReportEvent", "CXErrorCode", "SecTrustResultType");

	/**
	 * NSXPCConnection… constants that are Cocoa error codes rather than members of the
	 * type.
	 */
	static final Set<String> XPC_CONNECTION_CODES = Set.of("Interrupted", "Invalid", "ReplyInvalid",
			"CodeSigningRequirementFailure", "ErrorMinimum", "ErrorMaximum");

	/**
	 * Info.plist and userInfo keys: recognisable, but neither types nor codes, so not
	 * extracted.
	 */
	static final List<String> KEY_PREFIXES = List.of("NSAllows", "NSAppTransportSecurity", "NSBonjourServices",
			"NSExtension", "NSLocalized", "NSPinned", "NSExceptionDomains", "NSIncludesSubdomains", "NSExceptionAllows",
			"NSTemporaryException", "NSRequires", "NSPrivacy", "UIBackgroundModes", "UIRequires", "UIDeviceFamily",
			"UISupported", "UILaunch", "UIApplicationScene", "CFBundle", "WKCompanionAppBundleIdentifier",
			"WKAppBundleIdentifier", "WKApplication", "NSDebugDescription", "NSUnderlyingError", "NSFilePath",
			"NSMultipleUnderlyingErrors");

	static final List<String> KEY_SUFFIXES = List.of("Key", "Keys", "UsageDescription");

	/** Hyphenated entitlement keys without a com.apple prefix. */
	static final Set<String> PLAIN_ENTITLEMENTS = Set.of("keychain-access-groups", "application-identifier",
			"aps-environment", "get-task-allow", "inter-app-audio", "beta-reports-active");

	/**
	 * First words of {@link #PLAIN_ENTITLEMENTS}, so other hyphenated words ("real-time")
	 * cost a set lookup.
	 */
	static final Set<String> ENTITLEMENT_FIRST_WORDS = Set.of("keychain", "application", "aps", "get", "inter", "beta");

	/** com.apple.* names that are queue labels or build paths, not services. */
	static final Set<String> NOT_SERVICES = Set.of("com.apple.main-thread", "com.apple.xbs");

	/** macOS marketing names → major version, so "macOS Sonoma" and "macOS 14" meet. */
	static final Map<String, String> MACOS_NAMES = Map.ofEntries(Map.entry("Tahoe", "26"), Map.entry("Sequoia", "15"),
			Map.entry("Sonoma", "14"), Map.entry("Ventura", "13"), Map.entry("Monterey", "12"),
			Map.entry("Big Sur", "11"), Map.entry("Catalina", "10.15"), Map.entry("Mojave", "10.14"),
			Map.entry("High Sierra", "10.13"));

	/**
	 * Members of an error value that are not its cases: NEVPNError.code is not a code.
	 */
	static final Set<String> ERROR_PROPERTIES = Set.of("rawValue", "code", "errorCode", "domain", "userInfo",
			"localizedDescription", "description", "hashValue", "errorUserInfo", "failureReason", "underlyingError",
			"init", "self", "Code");

	/** OS names as written → canonical spelling. */
	static final Map<String, String> OS_NAMES = Map.of("iOS", "iOS", "iPadOS", "iPadOS", "macOS", "macOS", "MacOS",
			"macOS", "watchOS", "watchOS", "tvOS", "tvOS", "visionOS", "visionOS", "OSX", "macOS");

	/**
	 * Words without a second capital or underscore that any rule reacts to. Prose is
	 * mostly such words, so the scanner drops every other plain word after this one
	 * lookup.
	 */
	static final Set<String> PLAIN_KEYWORDS = plainKeywords();

	private static Set<String> plainKeywords() {
		Set<String> words = new HashSet<>();
		Stream.<java.util.Collection<String>>of(FRAMEWORKS, AMBIGUOUS_FRAMEWORKS, DAEMONS, ENTITLEMENT_FIRST_WORDS,
				MACOS_NAMES.keySet(), OS_NAMES.keySet(), Set.of("error", "Error", "err", "errno", "code", "Code",
						"codes", "Codes", "status", "http", "Reason", "Xcode", "com", "Big", "High"))
			.flatMap(java.util.Collection::stream)
			.forEach(words::add);
		return words;
	}

	/**
	 * {@link #TYPE_PREFIXES} indexed by first character, so a token tries only its own
	 * letter's prefixes.
	 */
	static final List<List<String>> TYPE_PREFIXES_BY_FIRST = byFirst(TYPE_PREFIXES);

	private static List<List<String>> byFirst(List<String> prefixes) {
		List<List<String>> table = new java.util.ArrayList<>(128);
		for (int c = 0; c < 128; c++) {
			final char first = (char) c;
			table.add(prefixes.stream().filter(p -> p.charAt(0) == first).toList());
		}
		return table;
	}

}
