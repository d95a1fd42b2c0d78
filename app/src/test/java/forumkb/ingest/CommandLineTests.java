package forumkb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import forumkb.HttpClientSupport.Response;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.index.SearchIndex;
import forumkb.system.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The CLI against the server's own embedded database: while the server runs on a data
 * directory, {@code ingest}, {@code reindex} and {@code export} use that running
 * PostgreSQL, the server switches to the index generation the CLI built, and
 * {@code token create} mints a token the server accepts.
 */
class CommandLineTests {

	@TempDir
	Path work;

	PrintStream originalOut;

	ByteArrayOutputStream captured = new ByteArrayOutputStream();

	@BeforeEach
	void useDataDirectory() {
		System.setProperty("forumkb.embedded.ephemeral", "false");
		System.setProperty("forumkb.embedded.data-dir", work.resolve("pg").toString());
		System.setProperty("forumkb.index.dir", work.resolve("index").toString());
		originalOut = System.out;
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(originalOut);
		System.clearProperty("forumkb.embedded.ephemeral");
		System.clearProperty("forumkb.embedded.data-dir");
		System.clearProperty("forumkb.index.dir");
	}

	@Test
	void ingestAndExportUseTheRunningServersDatabase() throws Exception {
		Path threads = work.resolve("threads.jsonl");
		Files.writeString(threads,
				"""
						{"source": "apple-developer-forums", "externalId": "991001", "title": "CXProvider report fails", "posts": [{"body": "reportNewIncomingVoIPPushPayload(_:completion:) throws NSXPCConnectionInterrupted"}]}
						{"title": "truncated
						{"source": "apple-developer-forums", "externalId": "991002", "title": "Packet tunnel stops", "posts": [{"body": "NEVPNErrorDomain Code=1"}]}
						""");
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ForumkbApplication.class)
			.run("--server.port=0")) {
			int port = ((WebServerApplicationContext) server).getWebServer().getPort();

			int ingestExit = CommandLine.run(ForumkbApplication.class, new String[] { "ingest", threads.toString() });

			String output = captured.toString(StandardCharsets.UTF_8);
			assertThat(ingestExit).isEqualTo(1);
			assertThat(output).contains("2 created, 0 updated, 0 unchanged, 1 failed")
				.contains("threads.jsonl line 2: malformed JSON");
			HttpClientSupport http = HttpClientSupport.asEngineer(server, port);
			assertThat(http.get("/").body()).contains("CXProvider report fails").contains("Packet tunnel stops");

			int reindexExit = CommandLine.run(ForumkbApplication.class, new String[] { "reindex" });
			assertThat(reindexExit).isZero();
			assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Indexed 2 threads");
			String built = Files.readString(work.resolve("index").resolve("CURRENT")).strip();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> http.get("/api/admin/index").json().get("generation").asString().equals(built));
			assertThat(http.get("/api/search?q=NEVPNErrorDomain").body()).contains("Packet tunnel stops");

			Path exported = work.resolve("export.jsonl");
			int exportExit = CommandLine.run(ForumkbApplication.class, new String[] { "export", exported.toString() });
			assertThat(exportExit).isZero();
			assertThat(Files.readAllLines(exported)).hasSize(2)
				.allMatch(line -> line.contains("\"externalId\":\"99100"));

			String email = TestAccounts.account(server, Role.DEVELOPER).getEmail();
			captured.reset();
			int tokenExit = CommandLine.run(ForumkbApplication.class, new String[] { "token", "create", email });
			assertThat(tokenExit).isZero();
			String token = captured.toString(StandardCharsets.UTF_8).strip();
			assertThat(token).startsWith("fkb_").doesNotContain("\n");
			Response me = new HttpClientSupport(port, token).get("/api/account");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("email").asString()).isEqualTo(email);
			assertThat(
					CommandLine.run(ForumkbApplication.class, new String[] { "token", "create", "nobody@example.org" }))
				.isEqualTo(1);
		}
	}

	/**
	 * A command runs beside the server on the same database and index folder: it must not
	 * poll feeds, send digests, match arrivals, make the first admin or open the index
	 * the server holds.
	 */
	@Test
	void aCommandStartsNoneOfTheServersBackgroundWork() {
		System.setProperty("forumkb.digest.scheduled", "true");
		try {
			int exit = CommandLine.run(WithServerWorkProbe.class, new String[] { "server-work" });
			assertThat(exit).isZero();
			assertThat(captured.toString(StandardCharsets.UTF_8).strip())
				.isEqualTo("beans: []; search index open: false");
		}
		finally {
			System.clearProperty("forumkb.digest.scheduled");
		}
	}

	@Test
	void aMissingPathIsReportedAndTheExitCodeSaysSo() {
		int exit = CommandLine.run(ForumkbApplication.class,
				new String[] { "ingest", work.resolve("nope.jsonl").toString() });
		assertThat(exit).isEqualTo(1);
		assertThat(captured.toString(StandardCharsets.UTF_8)).contains("nope.jsonl: no such file or folder");
	}

	/** The application with one more command, which reports the server's own work. */
	@Import({ ForumkbApplication.class, ServerWorkProbe.class })
	static class WithServerWorkProbe {

	}

	static class ServerWorkProbe implements CommandLine.Command {

		private final ApplicationContext context;

		ServerWorkProbe(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public String name() {
			return "server-work";
		}

		@Override
		public String usage() {
			return "server-work   which of the server's background beans exist";
		}

		@Override
		public int run(String[] args) {
			List<String> present = Stream.of("feedPoller", "digestSchedule", "knownIssueMatcher", "firstAdmin")
				.filter(context::containsBean)
				.toList();
			System.out.println(
					"beans: " + present + "; search index open: " + context.getBean(SearchIndex.class).isRunning());
			return 0;
		}

	}

}
