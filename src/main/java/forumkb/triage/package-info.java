/**
 * Triage support: in-process sentence embeddings, so a report in everyday words can be
 * matched to a thread that describes the same symptom in other words.
 */
package forumkb.triage;
