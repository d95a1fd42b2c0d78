package forumkb.digest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A confirmation or unsubscribe link that was altered, forged or is for nothing: a 400
 * page that says so.
 */
class InvalidLinkException extends ResponseStatusException {

	InvalidLinkException(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
