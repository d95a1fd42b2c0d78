package forumkb;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of docs/architecture.md, checked on the compiled classes so a
 * wrong-way dependency fails the build instead of waiting for a review. Each allowed
 * exception names the exact classes that still cross a boundary, so a new crossing fails.
 */
@InFirstJvm
class ArchitectureTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("forumkb");

	/** A class and the classes compiled from it (nested types, lambdas). */
	private static DescribedPredicate<JavaClass> classAndNested(String name) {
		return nameMatching(name.replace(".", "\\.").replace("$", "\\$") + "(\\$.*)?").forSubtype();
	}

	@Test
	void featurePackagesFormNoCycles() {
		slices().matching("forumkb.(*)..").should().beFreeOfCycles().check(PRODUCTION);
	}

	/**
	 * Finer than the feature slices: a sub-package such as index.analysis does not call
	 * back into its parent. Compile-time constants are inlined, so a field name imported
	 * from the parent would not show here: index.analysis keeps none (the field wiring is
	 * index.FieldAnalyzers).
	 */
	@Test
	void noPackageDependsOnAPackageThatDependsOnIt() {
		slices().matching("forumkb.(**)").should().beFreeOfCycles().check(PRODUCTION);
	}

	/**
	 * Who may use whom, lowest first: system and web are shared support; extract is pure;
	 * ingest writes threads; thread reads them; index follows them; search queries the
	 * index; known issues are curated; triage ranks through search and known issues;
	 * reports take triage's suggestions; the digest reads what all of them recorded. The
	 * benchmarks are not production code (see {@link #benchmarksStayOutOfProduction}).
	 * Every class is in a layer, so a new package cannot slip past the rule.
	 */
	@Test
	void dependenciesRunOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.ensureAllClassesAreContainedInArchitecture()
			.layer("Application")
			.definedBy("forumkb")
			.layer("System")
			.definedBy("forumkb.system..")
			.layer("Web")
			.definedBy("forumkb.web..")
			.layer("Extract")
			.definedBy("forumkb.extract..")
			.layer("Account")
			.definedBy("forumkb.account..")
			.layer("Ingest")
			.definedBy("forumkb.ingest..")
			.layer("Thread")
			.definedBy("forumkb.thread..")
			.layer("Index")
			.definedBy("forumkb.index..")
			.layer("Search")
			.definedBy("forumkb.search..")
			.layer("KnownIssue")
			.definedBy("forumkb.knownissue..")
			.layer("Triage")
			.definedBy("forumkb.triage..")
			.layer("Report")
			.definedBy("forumkb.report..")
			.layer("Digest")
			.definedBy("forumkb.digest..")

			.whereLayer("Application")
			.mayOnlyAccessLayers("System")
			.whereLayer("System")
			.mayNotAccessAnyLayer()
			.whereLayer("Web")
			.mayOnlyAccessLayers("System")
			.whereLayer("Extract")
			.mayNotAccessAnyLayer()
			.whereLayer("Account")
			.mayOnlyAccessLayers("System", "Web")
			.whereLayer("Ingest")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Thread")
			.whereLayer("Thread")
			.mayOnlyAccessLayers("System", "Web")
			.whereLayer("Index")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Thread")
			.whereLayer("Search")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Thread", "Index")
			.whereLayer("KnownIssue")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Account", "Thread")
			.whereLayer("Triage")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Account", "Index", "Search", "KnownIssue")
			.whereLayer("Report")
			.mayOnlyAccessLayers("System", "Web", "Account", "Thread", "KnownIssue", "Triage")
			.whereLayer("Digest")
			.mayOnlyAccessLayers("System", "Web", "Account", "Thread", "KnownIssue", "Report")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.check(PRODUCTION);
	}

	/**
	 * The benchmarks live in test scope: no production class is in their package, so
	 * neither the jar nor a server start carries them, and none of theirs shares a name
	 * with a production class, so a reader never mistakes one for the other.
	 */
	@Test
	void benchmarksStayOutOfProduction() {
		noClasses().should().resideInAPackage("forumkb.bench..").check(PRODUCTION);
		JavaClasses benchmarks = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("forumkb.bench");
		assertThat(topLevelNames(benchmarks)).isNotEmpty().doesNotContainAnyElementsOf(topLevelNames(PRODUCTION));
	}

	private static Set<String> topLevelNames(JavaClasses classes) {
		return classes.stream()
			.filter(JavaClass::isTopLevelClass)
			.map(JavaClass::getSimpleName)
			.filter(name -> !name.equals("package-info"))
			.collect(Collectors.toSet());
	}

	/**
	 * Search's display types (entity chips, highlighted snippet parts) belong to search's
	 * results; triage and reports carry their own ({@code TriageResult.Entity},
	 * {@code Suggestion.SnippetPart}). Only TriageService, which ranks through search,
	 * reads them off search's hits and copies them into its own.
	 */
	@Test
	void searchDisplayTypesStayInSearch() {
		noClasses().that()
			.resideOutsideOfPackage("forumkb.search..")
			.and(DescribedPredicate.not(classAndNested("forumkb.triage.TriageService")))
			.should()
			.dependOnClassesThat(or(classAndNested("forumkb.search.SearchResult$Chip"),
					classAndNested("forumkb.search.SearchResult$SnippetPart")))
			.check(PRODUCTION);
	}

	/**
	 * The package that owns each table (docs/architecture.md, "Who owns which table"):
	 * only the owner names it in SQL, and everyone else reads through the owner's public
	 * readers.
	 */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("source", "thread"),
			Map.entry("thread", "thread"), Map.entry("post", "thread"), Map.entry("thread_tag", "thread"),
			Map.entry("thread_entity", "thread"), Map.entry("ingest_run", "ingest"),
			Map.entry("ingest_error", "ingest"), Map.entry("feed_poll", "ingest"), Map.entry("index_error", "index"),
			Map.entry("app_user", "account"), Map.entry("api_token", "account"), Map.entry("audit_event", "account"),
			Map.entry("known_issue", "knownissue"), Map.entry("known_issue_signature", "knownissue"),
			Map.entry("known_issue_thread", "knownissue"), Map.entry("known_issue_match", "knownissue"),
			Map.entry("known_issue_generation", "knownissue"), Map.entry("report", "report"),
			Map.entry("report_suggestion", "report"), Map.entry("job_cursor", "triage"),
			Map.entry("digest_subscription", "digest"), Map.entry("digest_delivery", "digest"),
			Map.entry("digest_secret", "digest"), Map.entry("caught_mail", "digest"),
			Map.entry("report_comment", "report"), Map.entry("ingest_run_thread", "ingest"),
			Map.entry("thread_vector", "triage"));

	/**
	 * A string literal or text block (its text in group 1 or 2); comments and character
	 * literals are matched too, so that a quote in them starts no string.
	 */
	private static final Pattern STRING_LITERAL = Pattern.compile(
			"//[^\\n]*|/\\*.*?\\*/|\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'(?:[^'\\\\]|\\\\.)+'",
			Pattern.DOTALL);

	private static final Pattern TABLE_IN_SQL = Pattern.compile(
			"\\b(?:from|join|into|update|table|copy)\\s+(" + String.join("|", OWNERS.keySet()) + ")\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Reads go through the table's owner: no string in the production code outside the
	 * owning package names a table after {@code from}, {@code join}, {@code into},
	 * {@code update}, {@code table} or {@code copy}. The literals of a file are read
	 * together, so SQL split over several strings counts; a table name put together at
	 * run time is not seen.
	 */
	@Test
	void sqlNamesOnlyTheTablesItsPackageOwns() throws IOException {
		Path root = Path.of("app/src/main/java/forumkb");
		Map<String, Set<String>> crossings = new TreeMap<>();
		Set<String> owned = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String relative = root.relativize(file).toString().replace('\\', '/');
				String feature = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
				if (feature.equals("bench")) {
					continue; // leaving the production code; it drives every table on
								// purpose
				}
				StringBuilder strings = new StringBuilder();
				Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
				while (literal.find()) {
					String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
					if (text != null) {
						strings.append(text).append(' ');
					}
				}
				Matcher sql = TABLE_IN_SQL.matcher(strings);
				while (sql.find()) {
					String table = sql.group(1).toLowerCase(Locale.ROOT);
					if (OWNERS.get(table).equals(feature)) {
						owned.add(table);
					}
					else {
						crossings.computeIfAbsent(relative, name -> new TreeSet<>()).add(table);
					}
				}
			}
		}
		Set<String> found = new TreeSet<>();
		crossings.forEach((file, tables) -> found.add(file + ": " + String.join(", ", tables)));
		// Tables mapped with JPA only (accounts, ingest errors) appear in no SQL string.
		assertThat(owned).as("the scan sees the owners' own SQL")
			.contains("source", "thread", "post", "thread_tag", "thread_entity", "known_issue_match", "report");
		assertThat(found).as("SQL naming another package's table, file by file").isEmpty();
	}

}
