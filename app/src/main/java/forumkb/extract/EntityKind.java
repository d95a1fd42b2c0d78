package forumkb.extract;

import java.util.Locale;

/** The kinds of things forumkb extracts from forum text (see design.md, "Entities"). */
public enum EntityKind {

	/**
	 * An error domain with its code: {@code NSCocoaErrorDomain Code=4097} →
	 * {@code NSCocoaErrorDomain:4097}.
	 */
	ERROR,
	/**
	 * A bare or symbolic code in context: {@code OSStatus -9802},
	 * {@code errSecItemNotFound}, {@code EINVAL}, {@code SIGABRT}.
	 */
	CODE,
	/** A type: {@code NEFilterManager}, {@code NSXPCConnection}, {@code CXProvider}. */
	API_TYPE,
	/**
	 * A method or selector, ObjC or Swift spelling:
	 * {@code saveToPreferencesWithCompletionHandler:}.
	 */
	API_METHOD,
	/**
	 * A C function: {@code xpc_connection_create_mach_service},
	 * {@code SecTrustEvaluateWithError}.
	 */
	C_FUNCTION, FRAMEWORK, ENTITLEMENT,
	/**
	 * A service, daemon or mach-service name: {@code nesessionmanager},
	 * {@code com.apple.callkit.…}.
	 */
	SERVICE, OS_VERSION, XCODE_VERSION;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
