/**
 * The weekly digest: subscriptions with filters (double opt-in, signed unsubscribe
 * links), the content built per subscriber from threads, reports and known-issue matches,
 * the HTML and text mail with its inline chart, and delivery exactly once per subscriber
 * and ISO week (a claimed delivery row, one node at a time as a cluster job, retries with
 * back-off).
 */
package forumkb.digest;
