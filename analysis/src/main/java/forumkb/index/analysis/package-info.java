/**
 * Lucene analysis for the forum index: English prose
 * ({@link forumkb.index.analysis.ProseAnalyzer}), code symbols and their parts
 * ({@link forumkb.index.analysis.SymbolAnalyzer}) and lower-cased exact entity values;
 * {@link forumkb.index.analysis.ForumAnalyzers} names them. The package knows no field
 * names: {@code forumkb.index.FieldAnalyzers} wires the analyzers to the index's fields.
 */
package forumkb.index.analysis;
