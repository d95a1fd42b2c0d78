package forumkb.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * <p>
 * Data lives in a directory (by default {@code ./data/pg}) and survives restarts. When a
 * PostgreSQL already runs on that directory (the server is up and the CLI starts), this
 * connects to it instead of starting a second one on the same files.
 *
 * <p>
 * The server runs durably (the embedding library turns fsync and synchronous commit off):
 * a commit returns only once its WAL is on disk, so what was acknowledged survives a
 * crash.
 *
 * <p>
 * A throw-away database (the tests' application contexts) is a database of its own on one
 * server the JVM shares, started with the first: initdb and a server start cost seconds,
 * a {@code create database} a fraction of one. It runs durably too, so the benchmarks,
 * which use it, measure what a deployment pays per commit.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** The embedding library's lock on a data directory it runs a server on. */
	private static final String LIBRARY_LOCK_FILE = "epg-lock";

	private static final String SERVER_DATABASE = "postgres";

	/** The server throw-away databases share; stopped by the library's exit hook. */
	private static EmbeddedPostgres scratchServer;

	private static final AtomicInteger scratchDatabases = new AtomicInteger();

	private final Path dataDirectory;

	private final int port;

	private final String database;

	private volatile EmbeddedPostgres owned;

	private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres owned, int port, String database) {
		this.dataDirectory = dataDirectory;
		this.owned = owned;
		this.port = port;
		this.database = database;
	}

	/**
	 * Starts (or joins) the database; {@code dataDirectory} null means a throw-away one.
	 */
	public static EmbeddedDatabase open(Path dataDirectory) throws IOException {
		if (dataDirectory == null) {
			return scratch();
		}
		Integer runningPort = runningPort(dataDirectory);
		if (runningPort != null && accepts(runningPort)) {
			log.info("Using the PostgreSQL already running on {} (port {})", dataDirectory, runningPort);
			return new EmbeddedDatabase(dataDirectory, null, runningPort, SERVER_DATABASE);
		}
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres postgres = onDirectory(dataDirectory).start();
		log.info("Started embedded PostgreSQL on {} (port {})", dataDirectory, postgres.getPort());
		return new EmbeddedDatabase(dataDirectory, postgres, postgres.getPort(), SERVER_DATABASE);
	}

	private static synchronized EmbeddedDatabase scratch() throws IOException {
		if (scratchServer == null) {
			scratchServer = durable(EmbeddedPostgres.builder()).setServerConfig("max_connections", "300").start();
		}
		String name = "scratch_" + scratchDatabases.incrementAndGet();
		try (Connection connection = scratchServer.getPostgresDatabase().getConnection();
				Statement create = connection.createStatement()) {
			create.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IOException("could not create the throw-away database " + name, e);
		}
		return new EmbeddedDatabase(null, null, scratchServer.getPort(), name);
	}

	private static EmbeddedPostgres.Builder onDirectory(Path dataDirectory) {
		return durable(EmbeddedPostgres.builder()).setDataDirectory(dataDirectory).setCleanDataDirectory(false);
	}

	/**
	 * Durable (set explicitly: the library starts the server with {@code -F} and
	 * {@code synchronous_commit=off}), with room for bulk ingest: fewer forced
	 * checkpoints, a larger buffer cache. After a crash the server syncs its data
	 * directory before it recovers: one syncfs call instead of an fsync of each of its
	 * files keeps that short. PostgreSQL's own messages go to its log folder in the data
	 * directory ({@code log/postgresql-Mon.log}, a week of them), as a server's do: in
	 * the application's log its routine ones read as errors (the library's readiness
	 * check connecting while the server starts logs "FATAL: the database system is
	 * starting up").
	 */
	private static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
		return builder.setServerConfig("logging_collector", "on")
			.setServerConfig("log_filename", "postgresql-%a.log")
			.setServerConfig("log_truncate_on_rotation", "on")
			.setServerConfig("log_rotation_age", "1d")
			.setServerConfig("log_rotation_size", "0")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("recovery_init_sync_method", "syncfs")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("max_wal_size", "2GB")
			.setServerConfig("checkpoint_timeout", "15min");
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser("postgres");
		return dataSource;
	}

	public boolean ownsServer() {
		return owned != null;
	}

	/**
	 * Whether this started a server on a kept data directory, which it can start again
	 * after a crash.
	 */
	boolean restartable() {
		return owned != null && dataDirectory != null;
	}

	/**
	 * The postmaster's process id, from the lock file it keeps in the data directory;
	 * null when none.
	 */
	public Long serverPid() {
		return dataDirectory == null ? null : postmasterPid(dataDirectory);
	}

	/**
	 * Whether the server this started died: its lock file names a process that is gone. A
	 * server stopped in order removes the file, and is not taken for dead.
	 */
	boolean serverDied() {
		Long pid = serverPid();
		return pid != null && !alive(pid);
	}

	/**
	 * Starts the server again on the same data directory and port (so pooled connections
	 * reconnect to it) after its process died; PostgreSQL recovers from its WAL on start.
	 * Fails while the dead server's backends are still exiting; the caller tries again.
	 */
	synchronized void restart() throws IOException {
		// Releases the library's lock on the directory; stopping the dead server fails
		// and is logged.
		owned.close();
		// A start that failed keeps its lock on the file for good: a new file is a new
		// lock.
		Files.deleteIfExists(dataDirectory.resolve(LIBRARY_LOCK_FILE));
		owned = onDirectory(dataDirectory).setPort(port).start();
		log.warn("Restarted embedded PostgreSQL on {} (port {})", dataDirectory, port);
	}

	@Override
	public synchronized void close() throws IOException {
		if (owned != null) {
			owned.close();
		}
	}

	private static Long postmasterPid(Path dataDirectory) {
		try {
			List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
			return lines.isEmpty() ? null : Long.parseLong(lines.get(0).trim());
		}
		catch (IOException | NumberFormatException e) {
			return null;
		}
	}

	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** The port in a live server's postmaster.pid (its fourth line), or null. */
	private static Integer runningPort(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 4) {
				return null;
			}
			long pid = Long.parseLong(lines.get(0).trim());
			if (alive(pid)) {
				return Integer.parseInt(lines.get(3).trim());
			}
			return null;
		}
		catch (IOException | NumberFormatException e) {
			return null;
		}
	}

	private static boolean accepts(int port) {
		EmbeddedDatabase probe = new EmbeddedDatabase(null, null, port, SERVER_DATABASE);
		try (Connection connection = probe.dataSource().getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException e) {
			return false;
		}
	}

}
