package forumkb.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text where a page ran several posts together without separators (a tag page or a
 * listing that shows whole bodies) into one run of lines per post.
 *
 * <p>
 * There is no marker between such posts, so this looks for how posts usually end and
 * begin: a post ends with its "Topic/SubTopic/Tags" block, a signature, thanks or a
 * question; a new one begins with a greeting, a thread URL or a first-person sentence
 * that sets the scene ("I am developing…", "We have an app…"). A weak end (a question)
 * needs a clear beginning after it, so a list of questions inside one post stays whole.
 */
final class PostBoundaries {

	private static final Pattern GREETING = Pattern.compile(
			"(hello|hi|hey|greetings|dear|good (morning|afternoon|evening)|howdy)\\b.{0,30}", Pattern.CASE_INSENSITIVE);

	/** "Hello, I am having…": a greeting that shares its line with the first sentence. */
	private static final Pattern GREETING_START = Pattern
		.compile("(hello|hi|hey|greetings|dear \\w+)( (all|everyone|there|team))?[,!] .*", Pattern.CASE_INSENSITIVE);

	private static final Pattern SIGN_OFF = Pattern
		.compile("((many )?thanks|thank you|thx|cheers|(best |kind )?regards)\\b.*"
				+ "|.*\\b(thanks|thank you|thanks in advance|appreciated)[.!)]*", Pattern.CASE_INSENSITIVE);

	/** The last line of an Apple DTS signature, e.g. let myEmail = "eskimo" + "1" + … */
	private static final Pattern SIGNATURE_END = Pattern.compile("let \\w+ = \".*\\+.*");

	/** A post's opening sentence: who is writing and what they are doing or have. */
	private static final Pattern SCENE_SETTER = Pattern
		.compile("(I am|I'm|We are|We're)( currently)? (developing|building|working on|writing|creating|having an? )"
				+ ".*|(I|We) have an? .*|Our (app|application|company|team) .*");

	/**
	 * Words that open a sentence of a post in full swing, as opposed to opening a post.
	 */
	private static final Pattern OPENER = Pattern
		.compile("(I|I'm|I've|I'd|I am|We|We're|We've|Our|My|To|It|Based|Since|After|Recently|Currently|In|On|When|"
				+ "While|Using)\\b.*");

	private static final Pattern ATTACHMENT = Pattern.compile("\\S+\\.(txt|log|ips|crash|png|jpe?g|zip|gif|pdf)");

	/**
	 * An opening sentence after a mere question mark must be substantial, not a follow-up
	 * remark.
	 */
	private static final int OPENER_MIN_LENGTH = 80;

	/**
	 * "I have a question:" sets no scene; an opening that does says what the app or
	 * project is.
	 */
	private static final int SCENE_MIN_LENGTH = 40;

	/**
	 * Posts seen so far say at least this much before the signs of a new one can be
	 * trusted.
	 */
	private static final int MIN_LINES_BEFORE_SOFT_BREAK = 2;

	private PostBoundaries() {
	}

	static List<List<DumpLine>> split(List<DumpLine> lines) {
		List<List<DumpLine>> posts = new ArrayList<>();
		List<DumpLine> current = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			DumpLine line = lines.get(i);
			if (!current.isEmpty() && startsNewPost(current, line)) {
				posts.add(current);
				current = new ArrayList<>();
			}
			if (TopicBlock.startsBlock(line.key())) {
				// The block closes the post it belongs to.
				int end = TopicBlock.blockEnd(lines, i);
				current.addAll(lines.subList(i, end + 1));
				posts.add(current);
				current = new ArrayList<>();
				i = end + 1;
				continue;
			}
			current.add(line);
			i++;
		}
		if (!current.isEmpty()) {
			posts.add(current);
		}
		return posts;
	}

	static boolean isGreeting(String key) {
		return key.length() <= 40 && GREETING.matcher(key).matches();
	}

	private static boolean startsNewPost(List<DumpLine> current, DumpLine next) {
		String key = next.key();
		String before = current.getLast().key();
		if (TopicBlock.startsBlock(key)) {
			return false; // the block belongs to the post above it
		}
		if (ForumValues.threadUrl(key).isPresent() || isGreeting(key) || GREETING_START.matcher(key).matches()) {
			return true;
		}
		if (isGreeting(before) || before.endsWith(":")) {
			return false;
		}
		if (endsSignature(before)) {
			return !key.startsWith("["); // a footnote like "[1] …" still belongs to the
											// post
		}
		if (SIGN_OFF.matcher(key).matches() || !startsSentence(key)) {
			return false;
		}
		if (endsWithSignOff(current)) {
			return true;
		}
		return saysEnough(current) && (setsScene(key) || before.endsWith("?") && opensPost(key));
	}

	/** Enough lines, not counting a greeting, for a soft sign of a new post to count. */
	private static boolean saysEnough(List<DumpLine> current) {
		long lines = current.stream().filter(line -> !isGreeting(line.key())).count();
		return lines >= MIN_LINES_BEFORE_SOFT_BREAK;
	}

	private static boolean setsScene(String key) {
		return key.length() >= SCENE_MIN_LENGTH && SCENE_SETTER.matcher(key).matches();
	}

	private static boolean endsSignature(String key) {
		return SIGNATURE_END.matcher(key).matches();
	}

	/** Thanks as the last line, or just before a trailing attachment name. */
	private static boolean endsWithSignOff(List<DumpLine> current) {
		int last = current.size() - 1;
		if (ATTACHMENT.matcher(current.get(last).key()).matches() && last > 0) {
			last--;
		}
		return SIGN_OFF.matcher(current.get(last).key()).matches();
	}

	private static boolean opensPost(String key) {
		if (key.matches("\\p{Alpha}+:")) {
			return true; // a section heading such as "General:" starting a pinned
							// resource post
		}
		return key.length() >= OPENER_MIN_LENGTH && OPENER.matcher(key).matches();
	}

	private static boolean startsSentence(String key) {
		return !key.isEmpty() && (Character.isUpperCase(key.codePointAt(0)) || Character.isDigit(key.codePointAt(0)));
	}

}
