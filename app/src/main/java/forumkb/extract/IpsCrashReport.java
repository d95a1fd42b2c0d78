package forumkb.extract;

import forumkb.extract.CrashReport.Format;
import forumkb.extract.CrashReport.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON form of a crash report (.ips, macOS 12 and iOS 15 on): a one-line JSON
 * header with "bug_type", then the JSON body, on one line or pretty-printed. Frames name
 * their library by index into "usedImages".
 */
final class IpsCrashReport {

	/**
	 * The kernel's prefix on a panic string: which CPU and caller, never the same twice.
	 */
	private static final Pattern PANIC_PREFIX = Pattern.compile("^panic\\(cpu \\d+ caller 0x[0-9a-fA-F]+\\): ");

	private final JsonNode body;

	private final JsonNode images;

	private IpsCrashReport(JsonNode body) {
		this.body = body;
		this.images = body.path("usedImages");
	}

	/** The first .ips report in the text, or null when there is none. */
	static CrashReport find(String text) {
		int header = text.indexOf("\"bug_type\"");
		int start;
		int bodyStart;
		if (header >= 0) {
			start = text.lastIndexOf('\n', header) + 1;
			int headerEnd = text.indexOf('\n', header);
			bodyStart = headerEnd < 0 ? -1 : text.indexOf('{', headerEnd);
		}
		else {
			start = bodyStartBefore(text, text.indexOf("\"exception\""));
			bodyStart = start;
		}
		if (bodyStart < 0) {
			return null;
		}
		PartialJson.Read read = PartialJson.read(text, bodyStart);
		return read == null ? null : new IpsCrashReport(read.root()).report(start, read.end());
	}

	private CrashReport report(int start, int end) {
		JsonNode exception = body.path("exception");
		String message = message();
		Integer crashedIndex = crashedIndex();
		JsonNode crashed = crashedIndex == null ? body.path("threads").path(-1)
				: body.path("threads").path(crashedIndex);
		List<Frame> backtrace = frames(body.path("lastExceptionBacktrace"));
		List<Frame> source = backtrace.isEmpty() ? frames(crashed.path("frames")) : backtrace;
		String type = text(exception, "type");
		String signal = text(exception, "signal");
		String exceptionType = type == null || signal == null ? type : type + " (" + signal + ")";
		String codes = CrashText.codes(CrashText.joined(text(exception, "codes"), text(exception, "subtype")));
		String crashedName = text(crashed, "name") != null ? text(crashed, "name") : text(crashed, "queue");
		List<Frame> top = CrashFrames.top(source, message != null || !backtrace.isEmpty());
		String termination = termination();
		if (exceptionType == null && termination == null && message == null && top.isEmpty()) {
			return null;
		}
		return new CrashReport(CrashText.clean(exceptionType), codes, termination, message, top, crashedIndex,
				crashedName, Format.IPS, start, end);
	}

	/**
	 * "Namespace SIGNAL, Code 6 Abort trap: 6": the words the text form of the report
	 * uses.
	 */
	private String termination() {
		JsonNode termination = body.path("termination");
		String namespace = text(termination, "namespace");
		if (namespace == null) {
			return null;
		}
		String code = text(termination, "code");
		String head = code == null ? "Namespace " + namespace
				: "Namespace " + namespace + ", Code " + CrashText.hexCodes(code);
		String why = CrashText.joined(text(termination, "indicator"), strings(termination.path("reasons")));
		return CrashText.clean(CrashText.joined(head, why));
	}

	private String message() {
		JsonNode reason = body.path("exceptionReason");
		String name = text(reason, "name");
		String why = text(reason, "reason") != null ? text(reason, "reason") : text(reason, "composed_message");
		if (why != null) {
			return CrashText.clean(name == null ? why : name + ": " + why);
		}
		List<String> info = new ArrayList<>();
		body.path("asi").values().forEach(lines -> lines.values().forEach(line -> info.add(line.asString())));
		String specific = CrashText.specificInformation(info);
		if (specific != null) {
			return specific;
		}
		String triage = text(body, "ktriageinfo");
		String panic = text(body, "panicString");
		return CrashText.clean(triage != null ? triage
				: panic == null ? null : PANIC_PREFIX.matcher(panic.lines().findFirst().orElse("")).replaceFirst(""));
	}

	/**
	 * The thread marked "triggered", else the one "faultingThread" names; null when
	 * neither says.
	 */
	private Integer crashedIndex() {
		JsonNode threads = body.path("threads");
		for (int i = 0; i < threads.size(); i++) {
			if ("true".equals(threads.path(i).path("triggered").asString())) {
				return i;
			}
		}
		String faulting = text(body, "faultingThread");
		return faulting != null && faulting.matches("\\d{1,6}") ? Integer.valueOf(faulting) : null;
	}

	private List<Frame> frames(JsonNode frames) {
		List<Frame> out = new ArrayList<>();
		for (JsonNode frame : frames) {
			String symbol = text(frame, "symbol");
			out.add(new Frame(library(frame.path("imageIndex").asString("")), symbol == null ? "" : symbol));
		}
		return out;
	}

	/**
	 * The image's name, else the last part of its path; "???" as the text form prints it.
	 */
	private String library(String index) {
		JsonNode image = index.matches("\\d{1,6}") ? images.path(Integer.parseInt(index)) : images.path(-1);
		String name = text(image, "name");
		String path = text(image, "path");
		if (name != null) {
			return name;
		}
		return path == null ? "???" : path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * A body pasted without its header: the "{" that opens the line its object starts on.
	 */
	private static int bodyStartBefore(String text, int key) {
		if (key < 0) {
			return -1;
		}
		int open = text.lastIndexOf("\n{", key);
		return open >= 0 ? open + 1 : text.startsWith("{") ? 0 : -1;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

	/** An array's strings joined; "reasons" is sometimes a single string. */
	private static String strings(JsonNode array) {
		if (array.isString()) {
			return array.asString();
		}
		List<String> out = new ArrayList<>();
		array.values().forEach(value -> out.add(value.asString()));
		return out.isEmpty() ? null : String.join(" ", out);
	}

}
