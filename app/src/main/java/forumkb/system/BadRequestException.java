package forumkb.system;

/**
 * Input a user sent that cannot be served as asked: answered 400 with this message, which
 * must read well to that user (it is shown as is, on a page or in the API's error body).
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
