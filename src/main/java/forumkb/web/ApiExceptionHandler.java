package forumkb.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every failure into a clear answer, never a stack trace: the JSON error body under
 * /api, the error page elsewhere.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "the configured size";
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "upload too large: the limit is " + limit);
    }

    @ExceptionHandler(MultipartException.class)
    Object badMultipart(HttpServletRequest request, MultipartException e) {
        return respond(request, HttpStatus.BAD_REQUEST, "malformed multipart upload");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        return respond(request, HttpStatus.BAD_REQUEST, "request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    Object badRequest(HttpServletRequest request, Exception e) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(HttpServletRequest request, AccessDeniedException e) {
        return respond(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    Object notFound(HttpServletRequest request, NoSuchElementException e) {
        return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(HttpServletRequest request, Exception e) {
        if (e instanceof ErrorResponse response) {
            String detail = response.getBody().getDetail();
            return respond(request, HttpStatus.valueOf(response.getStatusCode().value()), detail);
        }
        log.error("Unexpected error on {}", request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side");
    }

    static Object respond(HttpServletRequest request, HttpStatus status, String message) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api")) {
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
