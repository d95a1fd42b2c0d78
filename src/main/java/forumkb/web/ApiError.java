package forumkb.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The JSON error body of every API error: {@code {"status", "error", "message"}}. */
public record ApiError(int status, String error, String message) {

    public static ResponseEntity<ApiError> response(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
    }
}
