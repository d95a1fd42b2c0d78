package forumkb.search;

import forumkb.search.SearchResult.SnippetPart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Highlighted passages as plain parts (text, and whether it matched), never as HTML: forum
 * text is untrusted, so the page escapes every part and marks the matches itself.
 */
final class SnippetFormatter extends PassageFormatter {

    /** Compiled once: every part of every snippet passes through it. */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public List<SnippetPart> format(Passage[] passages, String content) {
        List<SnippetPart> parts = new ArrayList<>();
        int previousEnd = -1;
        for (Passage passage : passages) {
            if (previousEnd >= 0 && passage.getStartOffset() > previousEnd) {
                parts.add(new SnippetPart(" … ", false));
            }
            int position = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start < position) {
                    continue;
                }
                add(parts, content.substring(position, start), false);
                add(parts, content.substring(start, end), true);
                position = end;
            }
            add(parts, content.substring(position, passage.getEndOffset()), false);
            previousEnd = passage.getEndOffset();
        }
        return parts;
    }

    private static void add(List<SnippetPart> parts, String text, boolean match) {
        if (!text.isEmpty()) {
            parts.add(new SnippetPart(WHITESPACE.matcher(text).replaceAll(" "), match));
        }
    }
}
