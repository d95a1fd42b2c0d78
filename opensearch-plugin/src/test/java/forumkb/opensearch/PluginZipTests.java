package forumkb.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.opensearch.plugins.AnalysisPlugin;

/**
 * The built plugin zip, as bin/opensearch-plugin reads it (run by failsafe after
 * {@code package}): a descriptor for the OpenSearch version the build names, and only our
 * two jars, since the node has Lucene and OpenSearch already and refuses a plugin that
 * brings its own.
 */
class PluginZipTests {

	private static final Path ZIP = Path.of(System.getProperty("forumkb.opensearch.plugin-zip"));

	@Test
	void zipHoldsTheDescriptorAndOurTwoJarsOnly() throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipFile zip = new ZipFile(ZIP.toFile())) {
			zip.stream().map(ZipEntry::getName).forEach(names::add);
		}
		assertThat(names).hasSize(3)
			.contains("plugin-descriptor.properties")
			.anyMatch(name -> name.matches("forumkb-opensearch-plugin-[^/]+\\.jar"))
			.anyMatch(name -> name.matches("forumkb-analysis-[^/]+\\.jar"));
	}

	@Test
	void descriptorNamesTheOpenSearchVersionAndAnAnalysisPluginClass() throws Exception {
		Properties descriptor = new Properties();
		try (ZipFile zip = new ZipFile(ZIP.toFile());
				InputStream in = zip.getInputStream(zip.getEntry("plugin-descriptor.properties"))) {
			descriptor.load(in);
		}
		assertThat(descriptor.getProperty("opensearch.version"))
			.isEqualTo(System.getProperty("forumkb.opensearch.version"));
		assertThat(descriptor.getProperty("name")).isEqualTo("forumkb-analysis");
		assertThat(descriptor.getProperty("java.version")).isEqualTo("21");
		assertThat(descriptor.getProperty("description")).isNotBlank();
		assertThat(descriptor.getProperty("version")).isNotBlank();
		assertThat(Class.forName(descriptor.getProperty("classname"))).isAssignableTo(AnalysisPlugin.class);
	}

}
