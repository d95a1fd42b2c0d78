/**
 * Lucene analysis for the forum index: English prose ({@link forumkb.index.analysis.ProseAnalyzer}),
 * code symbols and their parts ({@link forumkb.index.analysis.SymbolAnalyzer}) and lower-cased exact
 * entity values; {@link forumkb.index.analysis.ForumAnalyzers} names them and wires them to fields.
 */
package forumkb.index.analysis;
