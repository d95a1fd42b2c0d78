package forumkb.account;

import forumkb.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/** Writes the API's JSON error body from filters, where no controller advice runs. */
final class ApiErrorWriter {

	private ApiErrorWriter() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		ApiError.write(response, status, message);
	}

}
