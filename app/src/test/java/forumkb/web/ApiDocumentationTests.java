package forumkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description a client developer reads at /v3/api-docs, as served over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTests {

	@LocalServerPort
	int port;

	JsonNode docs;

	@BeforeEach
	void fetchAnonymously() {
		Response response = new HttpClientSupport(port).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		docs = response.json();
	}

	@Test
	void namesTheApiAndItsVersion() {
		assertThat(docs.at("/info/title").asString()).isEqualTo("forumkb API");
		assertThat(docs.at("/info/version").asString()).isNotBlank().doesNotContain("@");
	}

	@Test
	void groupsOperationsByFeatureNotByControllerClass() {
		List<String> tags = new ArrayList<>();
		operations().forEach(operation -> operation.path("tags").forEach(tag -> tags.add(tag.asString())));
		assertThat(tags).isNotEmpty().noneMatch(tag -> tag.endsWith("-controller"));
		assertThat(tags).contains("Search", "Triage", "Ingest", "Threads", "Known issues", "Reports", "Digest",
				"Accounts", "Admin");
	}

	@Test
	void everyOperationAndParameterIsDescribed() {
		for (JsonNode operation : operations()) {
			assertThat(operation.path("summary").asString()).as(operation.path("operationId").asString()).isNotBlank();
			assertThat(operation.path("description").asString()).as(operation.path("operationId").asString())
				.isNotBlank();
			operation.path("parameters")
				.forEach(parameter -> assertThat(parameter.path("description").asString())
					.as(operation.path("operationId").asString() + " " + parameter.path("name").asString())
					.isNotBlank());
		}
	}

	@Test
	void offersTheBearerTokenSchemeToSwaggerUi() {
		JsonNode scheme = docs.at("/components/securitySchemes/bearer-token");
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		assertThat(docs.at("/security/0").has("bearer-token")).isTrue();
	}

	@Test
	void documentsTheErrorBodyOfEveryErrorStatus() {
		assertThat(docs.at("/components/schemas/ApiError/properties").propertyNames())
			.containsExactlyInAnyOrder("status", "error", "message");
		JsonNode triageResponses = docs.at("/paths/~1api~1triage/post/responses");
		for (String status : List.of("400", "401", "403", "404", "413", "429", "503")) {
			assertThat(triageResponses.at("/" + status + "/content/application~1json/schema/$ref").asString())
				.as(status)
				.isEqualTo("#/components/schemas/ApiError");
		}
	}

	private List<JsonNode> operations() {
		List<JsonNode> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			path.getValue().forEach(operations::add);
		}
		assertThat(operations).hasSizeGreaterThan(20);
		return operations;
	}

}
