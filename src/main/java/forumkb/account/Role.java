package forumkb.account;

/** What an account may do: developers read and (later) report, engineers curate and ingest, admins run the place. */
public enum Role {
    ADMIN, ENGINEER, DEVELOPER;

    String authority() {
        return "ROLE_" + name();
    }
}
