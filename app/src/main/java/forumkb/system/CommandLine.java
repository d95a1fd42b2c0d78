package forumkb.system;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point for {@code java -jar forumkb.jar COMMAND …}: starts the application without
 * its web server, on the same database settings as the server, runs the command, exits.
 * The run has the profile {@code cli}: what only a server does (polling feeds, sending
 * digests, matching arrivals, holding the index open, the first-start admin) is
 * {@code @Profile("!cli")}, or asks for the profile where the bean itself is shared.
 */
public final class CommandLine {

	/** A command run inside the application context; returns the process exit code. */
	public interface Command {

		String name();

		String usage();

		int run(String[] args);

	}

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	public static int run(Class<?> application, String[] args) {
		String name = args[0];
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		// Passed as arguments, which outrank application.properties: a command never
		// loads the demo.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.profiles("cli")
			.run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--forumkb.demo.enabled=false")) {
			Map<String, Command> commands = context.getBeansOfType(Command.class);
			for (Command command : commands.values()) {
				if (command.name().equals(name)) {
					try {
						return command.run(rest);
					}
					catch (IllegalArgumentException e) {
						System.err.println(e.getMessage() + "\nusage: " + command.usage());
						return 2;
					}
				}
			}
			System.err.println("Unknown command: " + name);
			System.err.println("Commands:");
			commands.values().forEach(command -> System.err.println("  " + command.usage()));
			return 2;
		}
	}

}
