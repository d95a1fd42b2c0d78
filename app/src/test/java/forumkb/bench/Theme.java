package forumkb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subject area forum threads cluster around (content filters, XPC, TLS trust, …): the
 * vocabulary a thread about it draws from, so that a generated thread's title, error
 * dumps, logs, crash frames and answers agree with each other, as in a real thread.
 *
 * <p>
 * Themes are written as sheets in {@code bench/themes.txt} rather than Java arrays so the
 * vocabulary stays readable and code snippets need no escaping: a line {@code %field}
 * starts a field (each {@code %key} starts a new theme), every following non-blank line
 * is one item, except in {@code %code}, where each {@code %code} line starts one
 * multi-line snippet. Items may contain {@code {placeholders}} that {@link Composer}
 * fills in.
 */
record Theme(String key, boolean mac, boolean ios, String topic, String subtopic, String[] tags, String[] frameworks,
		String[] types, String[] methods, String[] functions, String[] entitlements, String[] processes,
		String[] appTypes, ErrorSpec[] errors, String[] symptoms, String[] logLines, String[] causes,
		String[] workarounds, String[] code) {

	private static final Set<String> FIELDS = Set.of("key", "platforms", "topic", "subtopic", "tags", "frameworks",
			"types", "methods", "functions", "entitlements", "processes", "appTypes", "errors", "symptoms", "logLines",
			"causes", "workarounds", "code");

	/**
	 * Reads every theme of a sheet file from the classpath; fails fast on a malformed
	 * sheet.
	 */
	static Theme[] load(String resource) {
		String text;
		try (InputStream in = Theme.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing theme sheets " + resource);
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Theme> themes = new ArrayList<>();
		for (String sheet : text.split("(?m)^(?=%key$)")) {
			if (!sheet.isBlank()) {
				themes.add(parse(sheet));
			}
		}
		return themes.toArray(Theme[]::new);
	}

	static Theme parse(String sheet) {
		Map<String, List<String>> fields = new HashMap<>();
		List<String> current = null;
		StringBuilder snippet = null;
		for (String line : sheet.split("\n", -1)) {
			if (line.startsWith("%")) {
				String name = line.substring(1).trim();
				if (!FIELDS.contains(name)) {
					throw new IllegalArgumentException("unknown theme field %" + name);
				}
				addSnippet(current, snippet);
				current = fields.computeIfAbsent(name, k -> new ArrayList<>());
				snippet = name.equals("code") ? new StringBuilder() : null;
			}
			else if (snippet != null) {
				snippet.append(line).append('\n');
			}
			else if (current != null && !line.isBlank()) {
				current.add(line.strip());
			}
		}
		addSnippet(current, snippet);
		String platforms = one(fields, "platforms");
		return new Theme(one(fields, "key"), platforms.contains("macOS"), platforms.contains("iOS"),
				one(fields, "topic"), one(fields, "subtopic"), all(fields, "tags"), all(fields, "frameworks"),
				all(fields, "types"), all(fields, "methods"), all(fields, "functions"), all(fields, "entitlements"),
				all(fields, "processes"), all(fields, "appTypes"),
				Arrays.stream(all(fields, "errors")).map(ErrorSpec::parse).toArray(ErrorSpec[]::new),
				all(fields, "symptoms"), all(fields, "logLines"), all(fields, "causes"), all(fields, "workarounds"),
				all(fields, "code"));
	}

	private static void addSnippet(List<String> target, StringBuilder snippet) {
		if (target != null && snippet != null && !snippet.toString().isBlank()) {
			target.add(snippet.toString().strip());
		}
	}

	private static String one(Map<String, List<String>> fields, String name) {
		String[] values = all(fields, name);
		if (values.length != 1) {
			throw new IllegalArgumentException("theme field %" + name + " needs exactly one value");
		}
		return values[0];
	}

	/**
	 * Every field but the single-valued ones must be non-empty: the composer picks from
	 * each.
	 */
	private static String[] all(Map<String, List<String>> fields, String name) {
		List<String> values = fields.get(name);
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException("theme is missing %" + name);
		}
		return values.toArray(String[]::new);
	}
}
