package forumkb.web;

import forumkb.system.DatabaseFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (raised in a filter, or sent by the server
 * itself with sendError) answer like the others: the API's JSON body under /api, the
 * error page elsewhere, in place of the server's HTML page or Spring Boot's default JSON.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String relative = path == null ? "" : path.toString().substring(request.getContextPath().length());
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		for (Throwable cause = (Throwable) failure; cause != null; cause = cause.getCause()) {
			// A form (a multipart one, read by the CSRF check) the server could not
			// parse.
			if (cause instanceof InvalidParameterException invalid) {
				return ApiExceptionHandler.respond(relative, ApiExceptionHandler.formStatus(invalid),
						ApiExceptionHandler.UNREADABLE_FORM);
			}
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE || DatabaseFailures.unreachable((Throwable) failure)) {
			// The database is out of reach (the page's own request, or a failure while
			// rendering it).
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER);
			return ApiExceptionHandler.respond(relative, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
		}
		if (status.is5xxServerError() || failure != null) {
			if (failure != null) {
				log.error("Unexpected error on {}", relative, (Throwable) failure);
			}
			return ApiExceptionHandler.respond(relative, HttpStatus.INTERNAL_SERVER_ERROR,
					ApiExceptionHandler.UNEXPECTED);
		}
		// A message set by sendError in our filters reads well; the server's own may name
		// its internals.
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		boolean ours = message instanceof String text && !text.isBlank() && !text.contains("Exception")
				&& !text.contains("java.");
		return ApiExceptionHandler.respond(relative, status, ours ? (String) message : status.getReasonPhrase());
	}

	private static HttpStatus status(Object code) {
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
