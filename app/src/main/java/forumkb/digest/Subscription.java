package forumkb.digest;

import forumkb.account.Account;
import forumkb.account.Role;
import java.time.Instant;
import java.time.ZoneId;

/** A subscriber's digest settings, with the account's email and role it is sent as. */
public record Subscription(long id, long userId, String email, Role role, DigestFilters filters, ZoneId zone,
		boolean skipEmpty, Status status, int generation, Instant confirmedAt) {

	public enum Status {

		PENDING, ACTIVE, UNSUBSCRIBED

	}

	/** These settings with the email and role of the account they are sent as. */
	Subscription sentAs(Account account) {
		return new Subscription(id, userId, account.getEmail(), account.getRole(), filters, zone, skipEmpty, status,
				generation, confirmedAt);
	}

	/**
	 * Engineers and admins also read new reports; developers see only public forum
	 * activity.
	 */
	boolean seesReports() {
		return role == Role.ENGINEER || role == Role.ADMIN;
	}
}
