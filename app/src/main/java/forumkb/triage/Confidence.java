package forumkb.triage;

import java.util.Locale;

/** How sure triage is of a suggestion; only HIGH counts as a confident match. */
public enum Confidence {

	HIGH, MEDIUM, LOW;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
