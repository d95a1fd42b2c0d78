/**
 * Accounts, roles (ADMIN, ENGINEER, DEVELOPER), personal API tokens, sign-up, the first
 * admin, the audit log, rate limits, and the web security configuration that puts every
 * page and API behind the right door.
 */
package forumkb.account;
