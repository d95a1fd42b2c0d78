package forumkb.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs, written for client developers: what the API
 * is, how to authenticate, and the one error body every operation can answer with. The
 * error responses are added here once rather than annotated on each method.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer-token";
	static final String ERROR_SCHEMA = "ApiError";

	/** The errors any /api operation may answer, each with the {@link ApiError} body. */
	static final Map<String, String> ERRORS = errors();

	private static Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("400", "Bad input: a missing or malformed parameter or body; the message says which");
		errors.put("401", "No valid session or bearer token");
		errors.put("403", "Signed in, but the account's role does not allow this");
		errors.put("404", "The requested thread, report, known issue or run does not exist");
		errors.put("413", "The upload or request body is larger than the server accepts");
		errors.put("429", "Too many requests from this client; retry later");
		errors.put("503", "The database is unavailable; retry later");
		return errors;
	}

	@Bean
	OpenAPI forumkbOpenApi(ObjectProvider<BuildProperties> build) {
		// Only a build by Maven knows its version; a class run from an IDE says so
		// instead.
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("forumkb API")
				.version(properties == null ? "development" : properties.getVersion())
				.description("Search developer-forum threads by symptom, triage error reports against "
						+ "known issues, ingest forum exports and manage accounts. Authenticate with "
						+ "`Authorization: Bearer <token>`; create a token at /account/tokens or with "
						+ "POST /api/account/tokens. Every error answers with the ApiError JSON body."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API token of the account, sent as `Authorization: Bearer <token>`")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer apiErrorResponses() {
		return openApi -> {
			@SuppressWarnings("rawtypes")
			Map<String, Schema> schemas = ModelConverters.getInstance().read(ApiError.class);
			schemas.forEach(openApi.getComponents()::addSchemas);
			Content errorBody = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
			openApi.getPaths()
				.values()
				.forEach(path -> path.readOperations().forEach(operation -> addErrors(operation, errorBody)));
		};
	}

	private static void addErrors(Operation operation, Content errorBody) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ERRORS.forEach((code, description) -> operation.getResponses()
			.put(code, new ApiResponse().description(description).content(errorBody)));
	}

}
