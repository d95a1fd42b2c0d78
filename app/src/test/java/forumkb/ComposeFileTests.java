package forumkb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the two Dockerfiles against the build they package, read as
 * Compose reads them (profiles, YAML merge keys, {@code ${VAR:-default}}) without an
 * engine, so they are checked on every build, Docker or not: the cluster profile is two
 * app nodes on one PostgreSQL and one OpenSearch, the nodes' variables are ones the app
 * reads, that OpenSearch is the version the plugin is built for, and the app image starts
 * the JVM as spring-boot:run does.
 */
class ComposeFileTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");

	private static final Pattern DOCKERFILE_ARG = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)$");

	@Test
	void theClusterProfileRunsTwoAppNodesOnOnePostgresqlAndOneOpenSearch() throws IOException {
		// The README's command, and OpenSearch credentials an operator gives from the
		// shell.
		Map<String, Map<String, Object>> services = activeServices(Set.of("cluster"), Map.of("FORUMKB_SEARCH_BACKEND",
				"opensearch", "FORUMKB_OPENSEARCH_USERNAME", "forumkb", "FORUMKB_OPENSEARCH_PASSWORD", "secret"));
		String postgres = onlyService(services,
				service -> String.valueOf(service.get("image")).startsWith("postgres:"));
		String opensearch = onlyService(services, service -> "opensearch-plugin".equals(buildContext(service)));
		Map<String, Map<String, Object>> nodes = appNodes(services);

		assertThat(nodes).hasSize(2);
		assertThat(nodes.values().stream().map(node -> node.get("ports")).distinct()).hasSize(2);
		nodes.forEach((name, node) -> {
			Map<String, Object> environment = map(node.get("environment"));
			assertThat(environment).as(name)
				.containsEntry("FORUMKB_SEARCH_BACKEND", "opensearch")
				.containsEntry("FORUMKB_OPENSEARCH_USERNAME", "forumkb")
				.containsEntry("FORUMKB_OPENSEARCH_PASSWORD", "secret");
			assertThat(URI.create(String.valueOf(environment.get("SPRING_DATASOURCE_URL")).substring("jdbc:".length()))
				.getHost()).as(name).isEqualTo(postgres);
			assertThat(URI.create(String.valueOf(environment.get("FORUMKB_OPENSEARCH_URL"))).getHost()).as(name)
				.isEqualTo(opensearch);
			// An app node on OpenSearch does not start while the cluster cannot be
			// reached.
			assertThat(map(node.get("depends_on"))).as(name)
				.containsEntry(postgres, Map.of("condition", "service_healthy"))
				.hasEntrySatisfying(opensearch,
						dependency -> assertThat(map(dependency)).containsEntry("condition", "service_healthy"));
		});
		assertThat(services.get(postgres)).containsKey("healthcheck");
		assertThat(services.get(opensearch)).containsKey("healthcheck");
		assertEveryDependencyStarts(services);
	}

	@Test
	void theDefaultProfileRunsOneAppNodeOnItsOwnLuceneIndex() throws IOException {
		Map<String, Map<String, Object>> services = activeServices(Set.of(), Map.of());

		assertThat(appNodes(services).values()).singleElement()
			.satisfies(
					node -> assertThat(map(node.get("environment"))).containsEntry("FORUMKB_SEARCH_BACKEND", "lucene"));
		assertThat(services.values()).noneMatch(service -> "opensearch-plugin".equals(buildContext(service)));
		assertEveryDependencyStarts(services);
	}

	@Test
	void everySettingTheAppNodesAreGivenIsOneTheAppReads() throws IOException {
		String applicationProperties = Files
			.readString(Path.of("app", "src", "main", "resources", "application.properties"));

		appNodes(activeServices(Set.of("cluster"), Map.of()))
			.forEach((name, node) -> assertThat(map(node.get("environment")).keySet())
				.as("variables of %s that application.properties does not read", name)
				.filteredOn(variable -> !applicationProperties.contains("${" + variable + ":"))
				.isEmpty());
	}

	@Test
	void theOpenSearchImageIsTheVersionThePluginIsBuiltFor() throws IOException {
		Map<String, String> arguments = dockerfileArguments(Path.of("opensearch-plugin", "Dockerfile"));

		assertThat(arguments).containsEntry("OPENSEARCH_VERSION", buildProperty("opensearch.version"));
		// The zip this build makes, under its current version.
		assertThat(Path.of("opensearch-plugin").resolve(arguments.get("PLUGIN_ZIP")).toAbsolutePath().normalize())
			.isEqualTo(Path.of(System.getProperty("forumkb.opensearch.plugin-zip")).toAbsolutePath().normalize());
	}

	@Test
	void theAppImageStartsTheJvmWithTheFlagsOfSpringBootRun() throws IOException {
		List<String> entrypoints = Files.readAllLines(Path.of("Dockerfile"))
			.stream()
			.filter(line -> line.startsWith("ENTRYPOINT "))
			.toList();
		assertThat(entrypoints).hasSize(1);
		// The exec form is a JSON array, which YAML reads too.
		List<String> command = new Yaml().load(entrypoints.get(0).substring("ENTRYPOINT ".length()));

		assertThat(command.subList(1, command.indexOf("-jar")))
			.containsExactly(System.getProperty("forumkb.jvm-arguments").trim().split("\\s+"));
	}

	/**
	 * Compose refuses to start a service whose dependency is not running (not in an
	 * active profile) unless that dependency is marked not required.
	 */
	private static void assertEveryDependencyStarts(Map<String, Map<String, Object>> services) {
		services.forEach((name, service) -> {
			Map<String, Object> dependencies = map(service.getOrDefault("depends_on", Map.of()));
			dependencies.forEach((dependency,
					settings) -> assertThat(
							services.containsKey(dependency) || Boolean.FALSE.equals(map(settings).get("required")))
						.as("%s depends on %s", name, dependency)
						.isTrue());
		});
	}

	/**
	 * The services that {@code docker compose --profile …} starts, variables filled in.
	 */
	private static Map<String, Map<String, Object>> activeServices(Set<String> profiles,
			Map<String, String> environment) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Map<String, Object>> active = new LinkedHashMap<>();
		map(compose.get("services")).forEach((name, definition) -> {
			Map<String, Object> service = map(interpolate(definition, environment));
			Collection<?> serviceProfiles = (Collection<?>) service.getOrDefault("profiles", List.of());
			if (serviceProfiles.isEmpty() || serviceProfiles.stream().anyMatch(profiles::contains)) {
				active.put(name, service);
			}
		});
		return active;
	}

	/** The services built from the repository root's Dockerfile: the app. */
	private static Map<String, Map<String, Object>> appNodes(Map<String, Map<String, Object>> services) {
		Map<String, Map<String, Object>> nodes = new LinkedHashMap<>(services);
		nodes.values().removeIf(service -> !".".equals(buildContext(service)));
		return nodes;
	}

	private static String onlyService(Map<String, Map<String, Object>> services, Predicate<Map<String, Object>> kind) {
		List<String> names = services.entrySet()
			.stream()
			.filter(entry -> kind.test(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(names).hasSize(1);
		return names.get(0);
	}

	private static Object buildContext(Map<String, Object> service) {
		Object build = service.get("build");
		return (build instanceof Map<?, ?> settings) ? settings.get("context") : build;
	}

	private static Object interpolate(Object value, Map<String, String> environment) {
		if (value instanceof String text) {
			Matcher variable = VARIABLE.matcher(text);
			return variable.replaceAll(found -> Matcher.quoteReplacement(
					environment.getOrDefault(found.group(1), (found.group(2) != null) ? found.group(2) : "")));
		}
		if (value instanceof Map<?, ?> entries) {
			Map<String, Object> filled = new LinkedHashMap<>();
			entries.forEach((key, entry) -> filled.put(String.valueOf(key), interpolate(entry, environment)));
			return filled;
		}
		if (value instanceof List<?> items) {
			return items.stream().map(item -> interpolate(item, environment)).toList();
		}
		return value;
	}

	private static Map<String, String> dockerfileArguments(Path dockerfile) throws IOException {
		return DOCKERFILE_ARG.matcher(Files.readString(dockerfile))
			.results()
			.collect(Collectors.toMap(argument -> argument.group(1), argument -> argument.group(2)));
	}

	/**
	 * A property as the root pom.xml sets it: the default build's, not one given on the
	 * command line to build the plugin for another OpenSearch.
	 */
	private static String buildProperty(String name) throws IOException {
		try {
			Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
			Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
			return properties.getElementsByTagName(name).item(0).getTextContent().trim();
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IllegalStateException("pom.xml cannot be read", e);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
