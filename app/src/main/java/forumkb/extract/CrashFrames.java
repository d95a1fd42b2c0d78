package forumkb.extract;

import forumkb.extract.CrashReport.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Picks the frames that tell one crash from another. Every abort, throw and trap passes
 * through the same few runtime frames ({@code __pthread_kill},
 * {@code objc_exception_throw}, {@code _dispatch_…}), so those are skipped and the first
 * app or framework frames after them kept.
 */
final class CrashFrames {

	/**
	 * Enough to name the failing call and its caller; deeper frames are run-loop
	 * plumbing.
	 */
	static final int MAX_FRAMES = 3;

	/**
	 * Libraries whose frames are only ever the machinery of stopping, waiting or
	 * dispatching.
	 */
	private static final Set<String> GENERIC_LIBRARIES = Set.of("libsystem_kernel.dylib", "libsystem_pthread.dylib",
			"libc++abi.dylib", "libdispatch.dylib");

	private static final Set<String> GENERIC_SYMBOLS = Set.of("abort", "raise", "__assert_rtn", "objc_exception_throw",
			"objc_exception_rethrow", "_objc_terminate()", "__exceptionPreprocess", "___forwarding___",
			"_CF_forwarding_prep_0", "-[NSObject(NSObject) doesNotRecognizeSelector:]", "+[NSException raise:format:]",
			"-[NSException raise]", "__cxa_throw", "__cxa_rethrow", "abort_with_payload",
			"abort_with_payload_wrapper_internal", "abort_with_reason");

	/**
	 * Dispatch traps, Swift runtime traps (fatalError, assertions, try!) and C++
	 * terminate.
	 */
	private static final List<String> GENERIC_PREFIXES = List.of("_dispatch_", "__DISPATCH_", "_assertionFailure",
			"_fatalErrorMessage", "fatalError", "swift_", "_swift_", "swift::", "$ss", "std::__terminate",
			"std::terminate", "__abort_with_payload", "__terminate_with_payload");

	private CrashFrames() {
	}

	static boolean isGeneric(Frame frame) {
		if (GENERIC_LIBRARIES.contains(frame.library()) || GENERIC_SYMBOLS.contains(frame.symbol())) {
			return true;
		}
		for (String prefix : GENERIC_PREFIXES) {
			if (frame.symbol().startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first {@link #MAX_FRAMES} telling frames. When neither a message nor an
	 * exception backtrace says why, the generic top frame is kept in front: then it is
	 * the only sign of how the process stopped (a Swift trap, an abort).
	 */
	static List<Frame> top(List<Frame> frames, boolean explained) {
		List<Frame> top = new ArrayList<>();
		if (!explained && !frames.isEmpty() && isGeneric(frames.getFirst())) {
			top.add(frames.getFirst());
		}
		for (Frame frame : frames) {
			if (top.size() == MAX_FRAMES) {
				break;
			}
			if (!isGeneric(frame) && !top.contains(frame)) {
				top.add(frame);
			}
		}
		return top;
	}

}
