package forumkb.bench;

/**
 * Theme-independent words and sentence templates: who posts, on which OS and device, and
 * how questions, answers and comments are phrased. Placeholders are filled by
 * {@link Composer}; themes supply the subject-specific parts.
 */
final class ForumPhrases {

	private ForumPhrases() {
	}

	static final String[] IOS = { "iOS 16.7", "iOS 17.2", "iOS 17.4.1", "iOS 17.6", "iOS 18.0", "iOS 18.1", "iOS 18.2",
			"iOS 18.3.2", "iOS 18.5", "iOS 26.0", "iOS 26.1", "iPadOS 18.4" };
	static final String[] MACOS = { "macOS 13.6", "macOS 14.2", "macOS 14.4.1", "macOS 14.6", "macOS 15.0",
			"macOS 15.1", "macOS 15.3", "macOS 15.5", "macOS 26.0", "macOS 26.1" };
	static final String[] XCODE = { "Xcode 15.2", "Xcode 15.4", "Xcode 16.0", "Xcode 16.1", "Xcode 16.2", "Xcode 16.3",
			"Xcode 16.4", "Xcode 26.0", "Xcode 26.1" };
	static final String[] IOS_DEVICES = { "iPhone 12", "iPhone 13 mini", "iPhone 14 Pro", "iPhone 15",
			"iPhone 15 Pro Max", "iPhone 16", "iPhone SE (3rd gen)", "iPad Air (M2)" };
	static final String[] MAC_DEVICES = { "MacBook Air M1", "MacBook Pro M3 Max", "Mac mini M2", "Mac Studio M2 Ultra",
			"2019 Intel MacBook Pro", "iMac M4" };
	static final String[] COMPANIES = { "acme", "northwind", "bluefin", "lumen", "kestrel", "orbitlabs", "quillsoft",
			"tessera", "harborline", "fjordworks", "cobalt", "meridian" };
	static final String[] PRODUCTS = { "Shield", "Relay", "Beacon", "Pulse", "Guard", "Sync", "Vault", "Tunnel",
			"Sentry", "Link", "Dock", "Nimbus" };
	static final String[] AUTHORS = { "mkowalski_dev", "tunnelvision", "j.okafor", "sbrandt", "packetpusher",
			"li_wen_ios", "r.castellanos", "nordic_dev", "hwang.dev", "e_moreau", "devon_b", "anikap", "krystof.s",
			"ambercode", "tomasz_net", "pvaldez", "ygarcia", "fernandez.io", "oliviaq", "ravi_builds", "sato.kenji",
			"dev_marek", "lenaf", "bk201" };
	static final String[] STAFF = { "DTS Engineer", "DTS Engineer", "Framework Engineer", "Networking Engineer" };

	static final String[] TITLES = { "{symptom}", "{symptom} on {os}", "{symptom} ({domain} {code})",
			"{type}: {symptom}", "After updating to {os}, {symptom}", "{error} when calling {method}",
			"[{framework}] {symptom}", "{method} fails with {domain} error {code}",
			"{symptom} - works on {os2}, fails on {os}", "Help: {symptom}" };

	static final String[] OPENERS = { "We ship a {framework} based app ({app}) and since {os} we see this: {symptom}.",
			"I'm building a {type} for our {app} product and have been stuck on this for two days.",
			"Our {appType} calls {method} and, on {os}, {symptom}.",
			"Since moving to {xcode} and {os}, {symptom}. Nothing changed on our side as far as I can tell.",
			"Hello, first post here. {symptom} on a {device} running {os}.",
			"We have a customer report that {symptom}. I can reproduce it on a {device} about one time in five.", };
	static final String[] DETAILS = {
			"The entitlement {entitlement} is present in both the app and the extension, I checked with codesign.",
			"It works fine in a debug build launched from Xcode; the TestFlight build is the one that fails.",
			"I tried deleting the app, rebooting and reinstalling, with the same result.",
			"The same code worked on {os2} without any change.",
			"I've attached the relevant part of the console output below, filtered on the {process} process.",
			"Calling {method2} first does not change anything.",
			"There is nothing interesting in the sysdiagnose other than what is shown here.",
			"We call {function} on a background queue and wait on a semaphore for the result.", };
	static final String[] ASKS = { "Is this a known issue, and is there a workaround?", "What am I missing?",
			"Any idea what would cause this?", "Should I file a feedback, or is this expected behaviour?",
			"Has anyone seen this on {os}?", "Any pointers appreciated." };
	static final String[] ANSWER_OPENERS = {
			"Thanks for the detailed report. The key line is the {domain} error {code}: in my experience it means {cause}.",
			"This is a common source of confusion. What usually happens is that {cause}.",
			"I've seen this before with {type}. Most likely {cause}.",
			"Let's start with the error. {error} tells you that the request never got as far as your code; here {cause}.",
			"We see this a lot on {os}. It's not a bug in {framework} as such; rather, {cause}.", };
	static final String[] ANSWER_FIXES = { "To fix it, {workaround}.", "My advice: {workaround}.",
			"The workaround is straightforward: {workaround}.", "Try this: {workaround}.",
			"If that's the case, {workaround}, and let me know what you see." };
	static final String[] ANSWER_CLOSERS = {
			"If that doesn't help, please file a bug with a sysdiagnose taken right after the failure and post the FB number here.",
			"Keep in mind that {method} is asynchronous; don't block the calling thread waiting for it.",
			"For more background, look at the {framework} documentation for {type}.", "Hope this helps.",
			"That's what fixed it for us, anyway." };
	static final String[] STAFF_SIGNATURES = { "— Developer Technical Support, Core OS", "— DTS, Networking",
			"— Developer Technical Support" };
	static final String[] COMMENTS = { "Thanks, that was it. Following your advice to {workaround} fixed it for us.",
			"Same here on {os} with a {device}. Did you ever find a fix?",
			"I filed FB{pid}{pid} for this; no response yet.",
			"We tried that, but we still see this after a reboot: {symptom}.",
			"Follow-up: it only happens when {process} was restarted before the call.",
			"Bumping this. Still seeing it on {os}.", "Could you post the full crash report?",
			"Interesting. Does it also happen with {type2}?" };

	/** Sentences that introduce an artefact, by kind: error dump, log, crash, code. */
	static final String[][] ARTEFACT_INTROS = {
			{ "This is the error:", "The completion handler gets this error:", "Printed error:" },
			{ "Console output:", "Relevant log lines:", "From Console.app, filtered on our subsystem:" },
			{ "The crash report shows:", "Crash excerpt (symbolicated):", "The relevant part of the .ips:" },
			{ "Code, trimmed down:", "Here is the code:", "Minimal reproduction:" } };

	/**
	 * Exception type, codes/subtype and termination reason of a crash report, one row
	 * each.
	 */
	static final String[][] EXCEPTIONS = {
			{ "EXC_BAD_ACCESS (SIGSEGV)", "Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000010",
					"Namespace SIGNAL, Code 11 Segmentation fault: 11" },
			{ "EXC_CRASH (SIGABRT)", "Exception Codes: 0x0000000000000000, 0x0000000000000000",
					"Namespace SIGNAL, Code 6 Abort trap: 6" },
			{ "EXC_BREAKPOINT (SIGTRAP)", "Exception Codes: 0x0000000000000001, 0x00000001a0c4f2b8",
					"Namespace SIGNAL, Code 5 Trace/BPT trap: 5" },
			{ "EXC_CRASH (SIGKILL)", "Exception Codes: 0x0000000000000000, 0x0000000000000000",
					"Namespace RUNNINGBOARD, Code 0xdead10cc" },
			{ "EXC_CRASH (SIGKILL)", "Exception Codes: 0x0000000000000000, 0x0000000000000000",
					"Namespace FRONTBOARD, Code 0x8badf00d" },
			{ "EXC_RESOURCE (RESOURCE_TYPE_MEMORY)", "Exception Subtype: LIMIT=50MB",
					"Namespace JETSAM, Code 0x6 per-process-limit" }, };

	/** System frames that sit below or above app code in most crashed threads. */
	static final String[][] SYSTEM_FRAMES = { { "libsystem_kernel.dylib", "__pthread_kill + 8" },
			{ "libsystem_pthread.dylib", "pthread_kill + 268" }, { "libsystem_c.dylib", "abort + 180" },
			{ "libobjc.A.dylib", "objc_msgSend + 32" }, { "libobjc.A.dylib", "objc_exception_throw + 88" },
			{ "CoreFoundation", "__exceptionPreprocess + 164" },
			{ "Foundation", "-[NSXPCDecoder decodeObjectOfClasses:forKey:] + 412" },
			{ "libswiftCore.dylib", "_assertionFailure(_:_:file:line:flags:) + 244" },
			{ "libdispatch.dylib", "_dispatch_call_block_and_release + 32" },
			{ "libdispatch.dylib", "_dispatch_client_callout + 20" },
			{ "libdispatch.dylib", "_dispatch_lane_serial_drain + 768" },
			{ "libxpc.dylib", "_xpc_connection_call_event_handler + 152" },
			{ "libsystem_pthread.dylib", "start_wqthread + 8" }, };

}
