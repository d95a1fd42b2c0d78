package forumkb.web;

import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import forumkb.system.ServiceUnavailableException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a clear answer, never a stack trace nor a Java type name: the
 * JSON error body under /api, the error page elsewhere. Only the purpose-made exceptions
 * (and Spring's own request errors) are the client's fault; anything else is our bug,
 * logged and answered 500 with a generic message.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
	static final String UNEXPECTED = "something went wrong on our side";
	static final String NO_SUCH_ADDRESS = "nothing here: the API's operations are listed at /swagger-ui/index.html";

	static final String UNREADABLE_FORM = "the form could not be read: malformed, or larger than the server accepts";

	@ExceptionHandler(BadRequestException.class)
	Object badRequest(HttpServletRequest request, BadRequestException e) {
		return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(HttpServletRequest request, NotFoundException e) {
		return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
	}

	/** A service a search or triage needs is down: worth trying again, not our bug. */
	@ExceptionHandler(ServiceUnavailableException.class)
	Object unavailable(HttpServletRequest request, HttpServletResponse response, ServiceUnavailableException e) {
		log.warn("Unavailable on {}: {}", request.getRequestURI(),
				e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
		response.setHeader("Retry-After", "60");
		return respond(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, MaxUploadSizeExceededException e) {
		String limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "the configured size";
		return respond(request, HttpStatus.CONTENT_TOO_LARGE, "upload too large: the limit is " + limit);
	}

	@ExceptionHandler(MultipartException.class)
	Object badMultipart(HttpServletRequest request, MultipartException e) {
		return respond(request, HttpStatus.BAD_REQUEST, "malformed multipart upload");
	}

	/** A body that is not JSON, or a value the JSON reader refused (a NUL character). */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof BadRequestException refused) {
				return respond(request, HttpStatus.BAD_REQUEST, refused.getMessage());
			}
			if (cause instanceof MaxUploadSizeExceededException capped) {
				return tooLarge(request, capped);
			}
		}
		return respond(request, HttpStatus.BAD_REQUEST, "request body is not valid JSON of the expected shape");
	}

	/**
	 * A form (a multipart one, whose fields are read late) the server could not parse.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	Object unreadableForm(HttpServletRequest request, InvalidParameterException e) {
		return respond(request, formStatus(e), UNREADABLE_FORM);
	}

	static HttpStatus formStatus(InvalidParameterException e) {
		HttpStatus status = HttpStatus.resolve(e.getErrorCode());
		return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(HttpServletRequest request, MissingServletRequestParameterException e) {
		return respond(request, HttpStatus.BAD_REQUEST, "the parameter \"" + e.getParameterName() + "\" is required");
	}

	/**
	 * Ids and numbers in paths and parameters: plain decimal only (see
	 * {@link PlainNumbers}).
	 */
	@ExceptionHandler(TypeMismatchException.class)
	Object mismatch(HttpServletRequest request, TypeMismatchException e) {
		String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: e.getPropertyName();
		String value = String.valueOf(e.getValue());
		String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
		return respond(request, HttpStatus.BAD_REQUEST, "\"" + name + "\" must be a plain decimal number"
				+ (e.getRequiredType() != null && e.getRequiredType().isEnum() ? " or one of the listed values" : "")
				+ ", not \"" + shown + "\"");
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object forbidden(HttpServletRequest request, AccessDeniedException e) {
		return respond(request, HttpStatus.FORBIDDEN, e.getMessage());
	}

	/**
	 * Spring's own texts for these name its static files or its handler lookup, not the
	 * address asked for.
	 */
	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	Object noSuchAddress(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, NO_SUCH_ADDRESS);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(HttpServletRequest request, Exception e) {
		if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
			String detail = response.getBody().getDetail();
			return respond(request, status, detail == null ? status.getReasonPhrase() : detail);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
	}

	static Object respond(HttpServletRequest request, HttpStatus status, String message) {
		// While an error is being answered (a multipart body failing again on /error),
		// the path is the original one.
		String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original
				: request.getRequestURI();
		return respond(uri.substring(request.getContextPath().length()), status, message);
	}

	/** The API's JSON body for a path under /api, the error page for any other. */
	static Object respond(String path, HttpStatus status, String message) {
		if (path.equals("/api") || path.startsWith("/api/")) {
			return ApiError.response(status, message);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("message", message);
		return page;
	}

}
