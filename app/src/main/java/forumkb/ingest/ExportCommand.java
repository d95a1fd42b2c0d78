package forumkb.ingest;

import forumkb.system.CommandLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * {@code export FILE}: the whole corpus as JSON Lines ({@code -} for standard output).
 */
@Component
class ExportCommand implements CommandLine.Command {

	private final ExportService export;

	ExportCommand(ExportService export) {
		this.export = export;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String usage() {
		return "export FILE             write every thread as JSON Lines (- for stdout)";
	}

	@Override
	public int run(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: " + usage());
			return 2;
		}
		try (Writer out = args[0].equals("-")
				? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
				: Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
			int count = export.export(out);
			out.flush();
			if (!args[0].equals("-")) {
				System.out.println("Exported " + count + " threads to " + args[0]);
			}
			return 0;
		}
		catch (IOException e) {
			System.err.println("Cannot write " + args[0] + ": " + e.getMessage());
			return 1;
		}
	}

}
