/**
 * The benchmarks, test code kept out of the application jar and run by {@link Benchmarks}
 * (docs/benchmarks.md), and their support: a seeded generator of realistic forum threads
 * in the canonical JSON Lines import format, so ingest, index and triage can be measured
 * at scale without shipping or scraping real forum text.
 */
package forumkb.bench;
