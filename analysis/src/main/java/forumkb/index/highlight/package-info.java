/**
 * Snippets' matches and passages from postings with offsets, for every host that shows
 * them: the application over its Lucene index, and the OpenSearch plugin's highlighter
 * inside the node, so both mark and pick the same. Only offsets are chosen here; cutting
 * the text at words and showing it is the application's.
 */
package forumkb.index.highlight;
