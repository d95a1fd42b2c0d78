package forumkb.system;

/**
 * What a request names does not exist (or is not the viewer's to see): answered 404 with
 * this message.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
