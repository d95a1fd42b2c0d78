package forumkb.bench;

import forumkb.ingest.parse.JsonLinesParser;
import forumkb.ingest.parse.ParsedThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared evaluation set (-Dforumkb.bench.eval-dev, by default ../shared/eval-dev): a
 * corpus in our import format and queries with the external ids of the threads that
 * answer them (none: "no confident match").
 */
record EvalSet(Path corpus, List<Query> queries) {

	record Query(String qid, String kind, String text, List<String> expected) {

		boolean hard() {
			return qid.startsWith("h");
		}
	}

	static EvalSet load(Path folder) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<Query> queries = new ArrayList<>();
		for (String line : Files.readAllLines(folder.resolve("queries.jsonl"))) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = json.readTree(line);
			List<String> expected = new ArrayList<>();
			node.path("expected").forEach(id -> expected.add(id.asString()));
			String kind = node.has("kind") ? node.get("kind").asString() : node.path("difficulty").asString("");
			queries.add(new Query(node.get("qid").asString(), kind, node.get("text").asString(), expected));
		}
		return new EvalSet(folder.resolve("corpus.jsonl"), queries);
	}

	static Path defaultFolder() {
		return Path.of(System.getProperty("forumkb.bench.eval-dev", "../shared/eval-dev"));
	}

	/** The folder a benchmark's first argument names, or the default one. */
	static Path folderIn(String[] args) {
		return args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0]) : defaultFolder();
	}

	/** The corpus's threads, parsed as an import would parse them. */
	List<ParsedThread> threads() throws IOException {
		return new JsonLinesParser().parse("corpus", Files.readString(corpus)).threads();
	}
}
