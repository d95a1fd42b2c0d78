package forumkb.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Topic: / SubTopic: / Tags:" block a listing shows under a post, and the "Forums
 * subtopic: A > B" / "Forums tag: X" lines of posts that describe themselves. The label
 * may stand on its own line with the value below it, or share the line.
 */
final class TopicBlock {

	private static final Pattern LABEL = Pattern.compile("(Topic|SubTopic|Sub Topic|Tags?):\\s*(.*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FORUMS_SUBTOPIC = Pattern.compile("Forums subtopic: (.+?) > (.+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FORUMS_TAG = Pattern.compile("Forums tag: (.+)", Pattern.CASE_INSENSITIVE);

	/**
	 * Apple allows a handful of tags per post; more short lines than this are not tags.
	 */
	private static final int MAX_TAGS = 10;

	private TopicBlock() {
	}

	static boolean startsBlock(String key) {
		return LABEL.matcher(key).matches();
	}

	/** The index of the block's last line, for a block starting at {@code start}. */
	static int blockEnd(List<DumpLine> lines, int start) {
		int i = start;
		while (i < lines.size()) {
			Matcher label = LABEL.matcher(lines.get(i).key());
			if (!label.matches()) {
				return i - 1;
			}
			boolean tags = label.group(1).toLowerCase(Locale.ROOT).startsWith("tag");
			i++;
			if (tags) {
				return lastTagLine(lines, i);
			}
			if (label.group(2).isBlank() && i < lines.size()) {
				i++; // the value on the next line
			}
		}
		return lines.size() - 1;
	}

	/** Reads a block (as found by {@link #blockEnd}) into the draft. */
	static void read(List<DumpLine> block, ThreadDraft draft) {
		for (int i = 0; i < block.size(); i++) {
			Matcher label = LABEL.matcher(block.get(i).key());
			if (!label.matches()) {
				continue;
			}
			String name = label.group(1).toLowerCase(Locale.ROOT).replace(" ", "");
			String inline = label.group(2).strip();
			if (name.startsWith("tag")) {
				if (!inline.isEmpty()) {
					addTags(draft, inline);
				}
				for (int j = i + 1; j < block.size(); j++) {
					draft.tags.add(block.get(j).text().strip());
				}
				return;
			}
			String value = !inline.isEmpty() ? inline : i + 1 < block.size() ? block.get(++i).key() : null;
			if (name.equals("topic")) {
				draft.topic = value;
			}
			else {
				draft.subtopic = value;
			}
		}
	}

	/**
	 * A post that states its own place ("Forums subtopic: A > B", then "Forums tag: X")
	 * gets that topic, subtopic and tag. Only a tag line right after the subtopic line
	 * counts: further "Forums tag" lines in such posts point readers at other tags.
	 */
	static void readSelfDescription(List<DumpLine> lines, ThreadDraft draft) {
		for (int i = 0; i < lines.size(); i++) {
			Matcher m = FORUMS_SUBTOPIC.matcher(lines.get(i).key());
			if (m.matches()) {
				draft.topic = m.group(1).strip();
				draft.subtopic = m.group(2).strip();
				Matcher tag = i + 1 < lines.size() ? FORUMS_TAG.matcher(lines.get(i + 1).key()) : null;
				if (tag != null && tag.matches()) {
					addTags(draft, tag.group(1));
				}
				return;
			}
		}
	}

	/**
	 * The tag names follow the label one per line; the first line that is no tag ends
	 * them.
	 */
	/**
	 * The topic a "Forums subtopic: Topic > Subtopic" line gives for the named subtopic,
	 * if any.
	 */
	static String topicOf(String subtopic, List<DumpLine> lines) {
		for (DumpLine line : lines) {
			Matcher m = FORUMS_SUBTOPIC.matcher(line.key());
			if (m.matches() && m.group(2).strip().equalsIgnoreCase(subtopic)) {
				return m.group(1).strip();
			}
		}
		return null;
	}

	private static int lastTagLine(List<DumpLine> lines, int firstValue) {
		int last = firstValue - 1;
		while (last + 1 < lines.size() && last + 1 < firstValue + MAX_TAGS && looksLikeTag(lines.get(last + 1).key())) {
			last++;
		}
		return last;
	}

	/**
	 * Tags are short names: no sentence punctuation, not a greeting that opens the next
	 * post.
	 */
	private static boolean looksLikeTag(String key) {
		return key.length() <= 50 && !key.matches(".*[.,:;!?]$") && !PostBoundaries.isGreeting(key)
				&& !startsBlock(key);
	}

	private static void addTags(ThreadDraft draft, String list) {
		for (String tag : list.split(",")) {
			if (!tag.isBlank()) {
				draft.tags.add(tag.strip());
			}
		}
	}

}
