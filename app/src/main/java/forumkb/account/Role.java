package forumkb.account;

import org.springframework.security.core.Authentication;

/**
 * What an account may do: developers read and report, engineers curate and ingest, admins
 * run the place.
 */
public enum Role {

	ADMIN, ENGINEER, DEVELOPER;

	String authority() {
		return "ROLE_" + name();
	}

	boolean heldBy(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> authority().equals(a.getAuthority()));
	}

	/** Engineers and admins: they curate known issues and work the report queue. */
	public static boolean staff(Authentication authentication) {
		return ADMIN.heldBy(authentication) || ENGINEER.heldBy(authentication);
	}

}
