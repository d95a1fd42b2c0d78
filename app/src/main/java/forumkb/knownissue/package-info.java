/**
 * Known issues curated by engineers: symptom, root cause, workaround, status, affected
 * platforms, a signature (entities and phrases that identify it) and linked threads.
 * Triage ranks them next to threads; confirmed reports strengthen their signatures.
 */
package forumkb.knownissue;
