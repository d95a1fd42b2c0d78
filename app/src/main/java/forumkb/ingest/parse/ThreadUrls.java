package forumkb.ingest.parse;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL rules every parser shares: which forum a thread URL belongs to, its id there,
 * and the one spelling of its URL we store (so the same thread reached by two links is
 * one thread).
 */
public final class ThreadUrls {

	public static final String APPLE_SOURCE = "apple-developer-forums";

	private static final Pattern APPLE_THREAD = Pattern.compile("^(?:/forums)?/thread/(\\d+)");

	private static final Pattern DISCOURSE_TOPIC = Pattern.compile("^/t/(?:([^/]+)/)?(\\d+)(?:\\.json)?(?:/|$)");

	private static final Pattern GITHUB_ISSUE = Pattern.compile("^/([^/]+)/([^/]+)/(?:issues|pull)/(\\d+)");

	/**
	 * Source and id of a thread URL; {@code externalId} is null when the URL names no
	 * known forum thread.
	 */
	public record Identity(String source, String externalId) {
	}

	private ThreadUrls() {
	}

	/** True for an absolute http or https URL. */
	public static boolean isWebUrl(String value) {
		return uri(value) != null;
	}

	/**
	 * The stored form of a URL: lower-case scheme and host, no fragment, no default port,
	 * no trailing slash; known forum threads lose the parts that only point inside them
	 * (Apple's {@code ?answerId=}, Discourse's post number). Null when {@code url} is not
	 * http(s).
	 */
	public static String canonical(String url) {
		URI uri = uri(url);
		if (uri == null) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		Matcher apple = APPLE_THREAD.matcher(path);
		if (isAppleHost(host) && apple.find()) {
			return appleThread(apple.group(1));
		}
		Matcher github = GITHUB_ISSUE.matcher(path);
		if (host.equals("github.com") && github.find()) {
			return "https://github.com/" + github.group(1) + "/" + github.group(2) + "/issues/" + github.group(3);
		}
		String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + port(uri);
		Matcher discourse = DISCOURSE_TOPIC.matcher(path);
		if (discourse.find() && discourse.group(1) != null) {
			return base + "/t/" + discourse.group(1) + "/" + discourse.group(2);
		}
		String trimmedPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return base + trimmedPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/**
	 * Which forum a URL is from: Apple Developer Forums {@code /forums/thread/N}, GitHub
	 * issues {@code gh-OWNER-REPO-N}, Discourse {@code /t/slug/N} (source = host); other
	 * http(s) URLs give their host and no id; anything else gives null for both.
	 */
	public static Identity identify(String url) {
		URI uri = uri(url);
		if (uri == null) {
			return new Identity(null, null);
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		Matcher apple = APPLE_THREAD.matcher(path);
		if (isAppleHost(host)) {
			return new Identity(APPLE_SOURCE, apple.find() ? apple.group(1) : null);
		}
		Matcher github = GITHUB_ISSUE.matcher(path);
		if (host.equals("github.com")) {
			return new Identity("github",
					github.find() ? "gh-" + github.group(1) + "-" + github.group(2) + "-" + github.group(3) : null);
		}
		Matcher discourse = DISCOURSE_TOPIC.matcher(path);
		return new Identity(host, discourse.find() ? discourse.group(2) : null);
	}

	/** The stored URL of the Apple Developer Forums thread with this id. */
	static String appleThread(String id) {
		return "https://developer.apple.com/forums/thread/" + id;
	}

	/** {@code scheme://host[:port]} of a URL, or null. */
	public static String base(String url) {
		URI uri = uri(url);
		return uri == null ? null
				: uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port(uri);
	}

	/** With or without {@code www.}, as the dump parsers accept them too. */
	private static boolean isAppleHost(String host) {
		String bare = host.startsWith("www.") ? host.substring(4) : host;
		return bare.equals("developer.apple.com") || bare.equals("forums.developer.apple.com");
	}

	private static String port(URI uri) {
		int port = uri.getPort();
		boolean standard = port == -1 || (port == 80 && uri.getScheme().equalsIgnoreCase("http"))
				|| (port == 443 && uri.getScheme().equalsIgnoreCase("https"));
		return standard ? "" : ":" + port;
	}

	private static URI uri(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(value.strip());
			String scheme = uri.getScheme();
			boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
			return web && uri.getHost() != null ? uri : null;
		}
		catch (java.net.URISyntaxException e) {
			return null; // not a URL: callers treat it as a file name
		}
	}

}
