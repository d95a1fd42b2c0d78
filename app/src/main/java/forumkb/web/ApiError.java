package forumkb.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** The JSON error body of every API error: {@code {"status", "error", "message"}}. */
public record ApiError(int status, String error, String message) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The error as an answer whose type is set, so that it is written as JSON whatever
	 * the request's Accept header asked for (an error about Accept included).
	 */
	public static ResponseEntity<ApiError> response(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(of(status, message));
	}

	/**
	 * Writes the error straight to the response, for filters, where no controller advice
	 * runs.
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(of(status, message)));
	}

	private static ApiError of(HttpStatus status, String message) {
		return new ApiError(status.value(), status.getReasonPhrase(), message);
	}
}
