/**
 * Triage: pasted error text in, the known issues and threads it most likely is out, each
 * with the entities and phrases it shares, its similarity and a confidence — or "no
 * confident match" when nothing clears the bar.
 */
package forumkb.triage;
