package forumkb.digest;

import forumkb.system.BadRequestException;

/**
 * A confirmation or unsubscribe link that was altered, forged or is for nothing: a 400
 * page that says so.
 */
class InvalidLinkException extends BadRequestException {

	InvalidLinkException(String message) {
		super(message);
	}

}
