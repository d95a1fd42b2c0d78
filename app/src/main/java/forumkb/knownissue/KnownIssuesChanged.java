package forumkb.knownissue;

/**
 * Published after a known issue, its signature or its links changed, so triage re-reads
 * them.
 */
public record KnownIssuesChanged(long knownIssueId) {
}
