package forumkb.system;

/**
 * A service the request needs (the search cluster) cannot be reached or is not ready:
 * answered 503 with this message, which says what is unavailable and that trying again
 * later may work.
 */
public class ServiceUnavailableException extends RuntimeException {

	public ServiceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
