package forumkb.system;

import java.util.Set;

/** Entry point for {@code java -jar forumkb.jar COMMAND …}. */
public final class CommandLine {

    private static final Set<String> COMMANDS = Set.of("ingest", "export");

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        return 2;
    }
}
