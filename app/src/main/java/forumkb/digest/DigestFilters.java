package forumkb.digest;

import forumkb.system.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a subscriber cares about. A thread is in their digest when it carries any of the
 * tags, frameworks, APIs or error codes, or is linked or matched to any of the known
 * issues; with no filter at all, everything is.
 */
public record DigestFilters(List<String> tags, List<String> frameworks, List<String> apis, List<String> errorCodes,
		List<Long> knownIssueIds) {

	static final int MAX_VALUES = 50;
	static final DigestFilters NONE = new DigestFilters(List.of(), List.of(), List.of(), List.of(), List.of());

	public boolean isEmpty() {
		return tags.isEmpty() && frameworks.isEmpty() && apis.isEmpty() && errorCodes.isEmpty()
				&& knownIssueIds.isEmpty();
	}

	/** For people: "tags: XPC; error codes: -34018", or "everything". */
	public String summary() {
		if (isEmpty()) {
			return "everything";
		}
		List<String> parts = new ArrayList<>();
		part(parts, "tags", tags);
		part(parts, "frameworks", frameworks);
		part(parts, "APIs", apis);
		part(parts, "error codes", errorCodes);
		part(parts, "known issues", knownIssueIds.stream().map(id -> "#" + id).toList());
		return String.join("; ", parts);
	}

	private static void part(List<String> parts, String name, List<String> values) {
		if (!values.isEmpty()) {
			parts.add(name + ": " + String.join(", ", values));
		}
	}

	/** Filters as typed into the form: comma- or line-separated values. */
	static DigestFilters parse(String tags, String frameworks, String apis, String errorCodes, String knownIssues) {
		List<Long> ids = values(knownIssues).stream()
			.map(value -> value.startsWith("#") ? value.substring(1) : value)
			.map(DigestFilters::id)
			.toList();
		return new DigestFilters(values(tags), values(frameworks), values(apis), values(errorCodes), ids);
	}

	static List<String> values(String text) {
		if (text == null) {
			return List.of();
		}
		List<String> values = List.copyOf(new LinkedHashSet<>(
				Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(value -> !value.isEmpty()).toList()));
		if (values.size() > MAX_VALUES || values.stream().anyMatch(value -> value.length() > 200)) {
			throw new BadRequestException("at most " + MAX_VALUES + " values of up to 200 characters per filter");
		}
		return values;
	}

	private static long id(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new BadRequestException("known issues are given by number, not \"" + value + "\"");
		}
	}
}
