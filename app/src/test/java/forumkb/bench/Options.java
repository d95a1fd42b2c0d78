package forumkb.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** The {@code --name value} options of the benchmark commands. */
final class Options {

	private Options() {
	}

	/**
	 * The whole number after {@code name} ({@code 200_000} and {@code 200,000} read too),
	 * else {@code fallback}.
	 */
	static int intOption(String[] args, String name, int fallback) {
		String value = value(args, name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " takes a whole number, got " + value);
		}
	}

	/** The path after {@code name}, else null. */
	static Path pathOption(String[] args, String name) {
		String value = value(args, name);
		return value == null ? null : Path.of(value).toAbsolutePath();
	}

	/** The text after {@code name}, else {@code fallback}. */
	static String option(String[] args, String name, String fallback) {
		String value = value(args, name);
		return value == null ? fallback : value;
	}

	/** Whether {@code name} is among the arguments. */
	static boolean flag(String[] args, String name) {
		return Arrays.asList(args).contains(name);
	}

	private static String value(String[] args, String name) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return null;
	}

}
