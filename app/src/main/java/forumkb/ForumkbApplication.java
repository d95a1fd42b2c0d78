package forumkb;

import forumkb.system.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the portal, or with a command ({@code ingest}, {@code export}) runs it against
 * the same database and exits.
 */
@SpringBootApplication
@EnableScheduling
public class ForumkbApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(ForumkbApplication.class, args));
		}
		SpringApplication.run(ForumkbApplication.class, args);
	}

}
