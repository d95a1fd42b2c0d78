/**
 * Benchmark support: a seeded generator of realistic forum threads in the canonical JSON
 * Lines import format, so ingest, index and triage can be measured at scale without
 * shipping or scraping real forum text.
 */
package forumkb.bench;
