package forumkb.digest;

import forumkb.account.Role;
import java.time.Instant;
import java.time.ZoneId;

/** A subscriber's digest settings, with the account's email and role it is sent as. */
public record Subscription(long id, long userId, String email, Role role, DigestFilters filters, ZoneId zone,
		boolean skipEmpty, Status status, int generation, Instant confirmedAt) {

	public enum Status {

		PENDING, ACTIVE, UNSUBSCRIBED

	}

	/**
	 * Engineers and admins also read new reports; developers see only public forum
	 * activity.
	 */
	boolean seesReports() {
		return role == Role.ENGINEER || role == Role.ADMIN;
	}
}
