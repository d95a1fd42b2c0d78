package forumkb.report;

import forumkb.system.BadRequestException;

/** What a developer submits: the pasted text and a few words about where it happens. */
public record ReportDraft(String text, String description, String platform, String osVersion, String appType) {

	static final int MAX_DESCRIPTION = 2_000;
	static final int MAX_SHORT = 80;

	ReportDraft validated(int maxText) {
		if (text == null || text.isBlank()) {
			throw new BadRequestException("a report needs the pasted error text, log or crash report");
		}
		if (text.length() > maxText) {
			throw new BadRequestException("the pasted text is longer than " + maxText + " characters");
		}
		String cleanDescription = clean(description);
		if (cleanDescription.length() > MAX_DESCRIPTION) {
			throw new BadRequestException("the description is longer than " + MAX_DESCRIPTION + " characters");
		}
		return new ReportDraft(text, cleanDescription, shortField("platform", platform),
				shortField("OS version", osVersion), shortField("app or extension type", appType));
	}

	/** The text triage reads: the developer's own words count as much as the paste. */
	String triageText() {
		return description == null || description.isBlank() ? text : description + "\n" + text;
	}

	private static String shortField(String name, String value) {
		String clean = clean(value);
		if (clean.length() > MAX_SHORT) {
			throw new BadRequestException("the " + name + " is longer than " + MAX_SHORT + " characters");
		}
		return clean.isEmpty() ? null : clean;
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}
}
