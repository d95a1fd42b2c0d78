package forumkb.knownissue;

/** Where a known issue stands; a fixed one names the OS version in {@code fixedIn}. */
public enum KnownIssueStatus {

	OPEN("Open"), WORKAROUND("Workaround available"), FIXED("Fixed"), NOT_A_BUG("Not a bug");

	private final String label;

	KnownIssueStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
