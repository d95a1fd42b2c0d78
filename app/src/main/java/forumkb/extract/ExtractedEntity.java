package forumkb.extract;

/**
 * One entity found in a text: its kind, the text as written, the normalised value used
 * for matching, and the character range {@code [start, end)} in the text it was found in.
 */
public record ExtractedEntity(EntityKind kind, String raw, String normalized, int start, int end) {
}
