package forumkb.index;

import static forumkb.index.IndexFields.*;

import forumkb.extract.ErrorCatalog;
import forumkb.system.ClusterJobs;
import forumkb.system.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The threads' index in OpenSearch ({@code forumkb.search.backend=opensearch}), derived
 * from PostgreSQL like the Lucene one: it tails the change feed twice a second and sends
 * each page of changed threads through the bulk API, then records the last change it
 * applied in the index's own {@code _meta}, so any app node resumes after it. Searches
 * read the alias ({@code forumkb.search.opensearch.index}); a rebuild fills a new index
 * beside the live one and moves the alias in one atomic action.
 *
 * <p>
 * With several app nodes, one at a time feeds the index (the {@value #FEEDING} cluster
 * job), from the position the index records; each change goes in once, not once per node.
 * The others only read that position, and a rebuild swaps the alias holding the same job,
 * so no node is writing to the index it replaces. Each write carries the change's number
 * as an external version as well: a change sent again (a node died between its write and
 * recording the position) never puts an older text back.
 */
@Component
@Primary
@ConditionalOnProperty(name = "forumkb.search.backend", havingValue = "opensearch")
public class OpenSearchIndex implements ThreadIndex, SmartLifecycle {

	/**
	 * What a search reads of each match, packed ({@link MatchValues}): a binary doc
	 * value, which the source does not keep.
	 */
	public static final String MATCH = "match";

	/** The thread as the feed gave it, kept whole in the source for the hits. */
	public static final String THREAD = "thread";

	private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);

	private static final int PAGE = 500;

	private static final String APPLIED = "applied";

	/** The cluster job of feeding the index and of moving its alias. */
	static final String FEEDING = "opensearch-feed";

	private final OpenSearchClient client;

	private final IndexFeed feed;

	private final IndexErrors errors;

	private final ClusterJobs jobs;

	private final ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());

	private final String alias;

	private final boolean commandLine;

	private final Object writeLock = new Object();

	private volatile String live;

	private volatile ChangePosition applied = ChangePosition.START;

	private volatile boolean running;

	private final BackgroundRebuild background = new BackgroundRebuild("opensearch-rebuild");

	OpenSearchIndex(OpenSearchClient client, IndexFeed feed, IndexErrors errors, ClusterJobs jobs,
			@Value("${forumkb.search.opensearch.index:forumkb-threads}") String alias, Environment environment) {
		this.client = client;
		this.feed = feed;
		this.errors = errors;
		this.jobs = jobs;
		this.alias = alias;
		this.commandLine = environment.matchesProfiles("cli");
	}

	/** The alias searches read. */
	public String alias() {
		return alias;
	}

	// --- lifecycle

	@Override
	public void start() {
		if (!commandLine) {
			running = true;
			try {
				joinCluster();
			}
			catch (ServiceUnavailableException e) {
				// A node starting while the cluster restarts serves 503 on search until
				// it
				// is back, and catch-up joins then: exiting at start would take the whole
				// portal down with the search service.
				log.warn("OpenSearch cannot be reached yet; the index is followed once it answers: {}",
						e.getCause().getMessage());
			}
		}
	}

	/** Creates the index and its alias on an empty cluster, then follows the live one. */
	private void joinCluster() {
		// Nodes starting together on an empty cluster create one index, not one each.
		jobs.runAfterOthers(FEEDING, () -> {
			synchronized (writeLock) {
				if (!client.exists(alias)) {
					String index = createIndex();
					client.send("POST", "_aliases", Map.of("actions",
							List.of(Map.of("add", Map.of("index", index, "alias", alias, "is_write_index", true)))));
				}
				followLive();
			}
		});
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	// --- keeping current

	@Override
	@Scheduled(fixedDelayString = "${forumkb.index.refresh-interval:PT0.5S}")
	public void catchUp() {
		if (!running) {
			return;
		}
		try {
			if (live == null) {
				joinCluster();
			}
			boolean fed = jobs.runOnce(FEEDING, () -> {
				synchronized (writeLock) {
					followLive();
					applied = applyChanges(live, applied);
				}
			});
			if (!fed) {
				synchronized (writeLock) {
					followLive();
				}
			}
		}
		catch (ServiceUnavailableException e) {
			// One line each time: an outage would otherwise log two stack traces a
			// second.
			log.warn("OpenSearch index catch-up waits for the cluster: {}", e.getCause().getMessage());
		}
		catch (RuntimeException e) {
			log.error("OpenSearch index catch-up failed; will retry", e);
		}
	}

	/**
	 * Reads which index the alias names and the position it recorded, whichever node or
	 * command-line rebuild wrote it last.
	 */
	private void followLive() {
		JsonNode mappings = client.send("GET", alias + "/_mapping", null);
		String current = mappings.propertyNames().iterator().next();
		JsonNode meta = mappings.path(current).path("mappings").path("_meta");
		applied = meta.has(APPLIED) ? ChangePosition.parse(meta.path(APPLIED).asString()) : ChangePosition.START;
		live = current;
	}

	/**
	 * Sends the changes after {@code from} to {@code index} a page at a time, records the
	 * threads the index refused, makes them searchable and notes the position in the
	 * index; returns the position reached.
	 */
	private ChangePosition applyChanges(String index, ChangePosition from) {
		ChangePosition position = from;
		List<IndexedThread> page;
		while (!(page = feed.changedAfter(position, PAGE)).isEmpty()) {
			errors.record(bulk(index, page));
			position = page.getLast().change();
		}
		if (position != from) {
			client.send("POST", index + "/_refresh", null);
			client.send("PUT", index + "/_mapping", Map.of("_meta", Map.of(APPLIED, position.toString())));
		}
		return position;
	}

	/**
	 * One bulk request for the page; a thread the index refuses is recorded, one it
	 * already holds in a newer version is not.
	 */
	private List<IndexErrors.Refusal> bulk(String index, List<IndexedThread> page) {
		StringBuilder lines = new StringBuilder();
		for (IndexedThread thread : page) {
			lines
				.append(client.json()
					.writeValueAsString(Map.of("index",
							Map.of("_index", index, "_id", Long.toString(thread.id()), "version", thread.change().seq(),
									"version_type", "external_gte"))))
				.append('\n')
				.append(client.json().writeValueAsString(source(thread)))
				.append('\n');
		}
		JsonNode answer = client.bulk("_bulk", lines.toString());
		List<IndexErrors.Refusal> refusals = new ArrayList<>();
		if (answer.path("errors").asBoolean()) {
			JsonNode items = answer.path("items");
			for (int i = 0; i < items.size(); i++) {
				JsonNode item = items.get(i).path("index");
				if (item.has("error") && item.path("status").asInt() != 409) {
					IndexedThread thread = page.get(i);
					log.warn("Thread {} (change {}) cannot be indexed in OpenSearch and is skipped: {}", thread.id(),
							thread.change(), item.path("error"));
					refusals.add(new IndexErrors.Refusal(thread.id(), thread.change().seq(),
							item.path("error").path("reason").asString()));
				}
			}
		}
		return refusals;
	}

	/**
	 * The document OpenSearch indexes: the fields the Lucene document has, by the same
	 * names, what a search reads of a match packed in one field ({@link MatchValues}: the
	 * facets there alone), and the thread itself.
	 */
	Map<String, Object> source(IndexedThread thread) {
		Map<String, Object> source = new LinkedHashMap<>();
		Map<String, List<String>> facets = new LinkedHashMap<>();
		for (IndexableField field : documents.fields(thread)) {
			if (field instanceof SortedSetDocValuesFacetField facet) {
				facets.computeIfAbsent(facet.dim, dimension -> new ArrayList<>()).add(facet.path[0]);
			}
			else if (field instanceof LongPoint || field instanceof IntPoint) {
				source.put(field.name(), field.numericValue());
			}
			else if (field instanceof StringField
					|| field.fieldType().indexOptions() != IndexOptions.NONE && field.fieldType().tokenized()) {
				add(source, field.name(), field.stringValue());
			}
		}
		if (thread.answered()) {
			source.put(ANSWERED, 1);
		}
		Long activity = source.get(ACTIVITY) instanceof Number millis ? millis.longValue() : null;
		// Bytes: the JSON sent carries them as base64, as a binary field takes them.
		source.put(MATCH, new MatchValues(thread.id(), activity, thread.answered(), facets).encode());
		source.put(THREAD, thread);
		return source;
	}

	@SuppressWarnings("unchecked")
	private static void add(Map<String, Object> source, String field, String value) {
		((List<String>) source.computeIfAbsent(field, name -> new ArrayList<String>())).add(value);
	}

	/**
	 * A new, empty index with the threads' mapping: our analysers (the analysis plugin's
	 * {@code forum_} names) on the prose and symbol fields, one untouched term per exact
	 * value, keywords for the facet fields. One shard, so that every document is ranked
	 * with the statistics of the whole index, as in Lucene.
	 */
	private String createIndex() {
		String index = alias + "-" + System.currentTimeMillis();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ID, Map.of("type", "keyword"));
		for (String field : List.of(TITLE, BODY, ANSWER)) {
			properties.put(field, Map.of("type", "text", "analyzer", "forum_prose", "index_options", "offsets"));
		}
		properties.put(TEXT, Map.of("type", "text", "analyzer", "forum_prose", "index_options", "freqs"));
		properties.put(SYMBOLS, Map.of("type", "text", "analyzer", "forum_symbol"));
		// Text of one untouched term, as Lucene's StringField holds it: a keyword field's
		// term query scores a constant, where Lucene's scores BM25 (an error a pasted log
		// names weighed a third less against its words, and ranks moved).
		FieldAnalyzers.EXACT_FIELDS.forEach(field -> properties.put(field,
				Map.of("type", "text", "analyzer", "keyword", "index_options", "docs", "norms", false)));
		properties.put(MATCH, Map.of("type", "binary", "doc_values", true));
		properties.put(ACTIVITY, Map.of("type", "long"));
		properties.put(YEAR, Map.of("type", "integer"));
		properties.put(ANSWERED, Map.of("type", "integer"));
		properties.put(THREAD, Map.of("type", "object", "enabled", false));
		// The source keeps the thread alone: the fields are indexed from it, and the
		// thread is what a page's hits read back, ten at a time, without the copies of
		// its text the fields hold (five and more times the thread).
		client.send("PUT", index, Map.of("settings", Map.of("number_of_shards", 1, "number_of_replicas", 0), "mappings",
				Map.of("dynamic", "strict", "_source", Map.of("includes", List.of(THREAD)), "properties", properties)));
		return index;
	}

	// --- rebuilding

	@Override
	public String startRebuild() {
		return background.start(this::rebuild);
	}

	@Override
	public String rebuildStatus() {
		return background.status();
	}

	/**
	 * Fills a new index from PostgreSQL while the live one keeps answering, then, with
	 * what changed meanwhile applied, points the alias at it and drops the old one; the
	 * last two steps holding the feeding job, so no node writes to the old index
	 * meanwhile.
	 */
	@Override
	public int rebuild() {
		String fresh = createIndex();
		ChangePosition filled = applyChanges(fresh, ChangePosition.START);
		jobs.runAfterOthers(FEEDING, () -> {
			synchronized (writeLock) {
				ChangePosition reached = applyChanges(fresh, filled);
				List<Object> actions = new ArrayList<>();
				List<String> old = client.exists(alias)
						? List.copyOf(client.send("GET", "_alias/" + alias, null).propertyNames()) : List.of();
				old.forEach(index -> actions.add(Map.of("remove", Map.of("index", index, "alias", alias))));
				actions.add(Map.of("add", Map.of("index", fresh, "alias", alias, "is_write_index", true)));
				client.send("POST", "_aliases", Map.of("actions", actions));
				live = fresh;
				applied = reached;
				old.forEach(index -> client.send("DELETE", index, null));
			}
		});
		return client.send("GET", fresh + "/_count", null).path("count").asInt();
	}

	// --- status

	@Override
	public String generation() {
		return live;
	}

	@Override
	public ChangePosition searchableChange() {
		return applied;
	}

}
