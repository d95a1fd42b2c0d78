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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of docs/architecture.md, checked on the compiled classes so a
 * wrong-way dependency fails the build instead of waiting for a review. Each allowed
 * exception names the exact classes that still cross a boundary, so a new crossing fails.
 */
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
	 */
	@Test
	void dependenciesRunOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
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
			.mayOnlyAccessLayers("System", "Web", "Extract")
			.whereLayer("Thread")
			.mayOnlyAccessLayers("System", "Web")
			.whereLayer("Index")
			.mayOnlyAccessLayers("System", "Web", "Extract")
			.whereLayer("Search")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Thread", "Index")
			.whereLayer("KnownIssue")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Account", "Thread")
			.whereLayer("Triage")
			.mayOnlyAccessLayers("System", "Web", "Extract", "Account", "Index", "Search", "KnownIssue")
			.whereLayer("Report")
			.mayOnlyAccessLayers("System", "Web", "Account", "KnownIssue", "Triage")
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

}
