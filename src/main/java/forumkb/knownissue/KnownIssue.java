package forumkb.knownissue;

import forumkb.account.Role;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;

/** A known issue as pages, the API and triage see it. */
public record KnownIssue(long id, String title, String symptom, String rootCause, String workaround,
		KnownIssueStatus status, String fixedIn, List<String> platforms, String versions, String createdBy,
		Instant createdAt, Instant updatedAt, List<SignatureTerm> signature, List<LinkedThread> threads,
		Instant archivedAt, String archivedBy) {

	/** A thread engineers linked to the known issue. */
	public record LinkedThread(long id, String title, String url) {
	}

	public String statusLabel() {
		return status == KnownIssueStatus.FIXED && fixedIn != null && !fixedIn.isBlank() ? "Fixed in " + fixedIn
				: status.label();
	}

	/**
	 * Archived known issues (deleted by an engineer) are out of the list, triage and the
	 * matcher until restored.
	 */
	public boolean archived() {
		return archivedAt != null;
	}

	public List<SignatureTerm> curatedSignature() {
		return signature.stream().filter(term -> term.origin() == SignatureTerm.Origin.CURATED).toList();
	}

	/**
	 * The known issue as the viewer may see it: terms learned from reports come from text
	 * only engineers (and each report's author) may read, so everyone else sees the
	 * curated ones.
	 */
	public KnownIssue shownTo(Authentication viewer) {
		return Role.staff(viewer) ? this : withoutLearnedTerms();
	}

	public KnownIssue withoutLearnedTerms() {
		return new KnownIssue(id, title, symptom, rootCause, workaround, status, fixedIn, platforms, versions,
				createdBy, createdAt, updatedAt, curatedSignature(), threads, archivedAt, archivedBy);
	}
}
