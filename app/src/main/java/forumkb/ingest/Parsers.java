package forumkb.ingest;

import forumkb.ingest.parse.DiscourseTopicParser;
import forumkb.ingest.parse.FeedParser;
import forumkb.ingest.parse.HtmlThreadParser;
import forumkb.ingest.parse.JsonLinesParser;
import forumkb.ingest.parse.SourceFormat;
import forumkb.ingest.parse.TextDumpParser;
import forumkb.ingest.parse.ThreadParser;
import org.springframework.stereotype.Component;

/** The parser for each input format. */
@Component
class Parsers {

	private final JsonLinesParser jsonLines = new JsonLinesParser();

	private final TextDumpParser textDump = new TextDumpParser();

	private final HtmlThreadParser html = new HtmlThreadParser(textDump);

	private final FeedParser feed = new FeedParser();

	private final DiscourseTopicParser discourse = new DiscourseTopicParser();

	ThreadParser forFormat(SourceFormat format) {
		return switch (format) {
			case JSONL -> jsonLines;
			case TEXT_DUMP -> textDump;
			case HTML -> html;
			case FEED -> feed;
			case DISCOURSE -> discourse;
		};
	}

	JsonLinesParser jsonLines() {
		return jsonLines;
	}

}
