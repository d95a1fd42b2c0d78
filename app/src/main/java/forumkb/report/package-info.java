/**
 * Developers' reports (pasted text, description, platform, OS version, app type) with the
 * suggestions triage made when they came in, and the engineers' queue that confirms a
 * suggestion, picks another known issue, marks a duplicate thread or creates a known
 * issue.
 */
package forumkb.report;
