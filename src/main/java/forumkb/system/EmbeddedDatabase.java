package forumkb.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * <p>Data lives in a directory (by default {@code ./data/pg}) and survives restarts. When a
 * PostgreSQL already runs on that directory (the server is up and the CLI starts), this
 * connects to it instead of starting a second one on the same files.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /** Starts (or joins) the database; {@code dataDirectory} null means a throw-away one. */
    public static EmbeddedDatabase open(Path dataDirectory) throws IOException {
        if (dataDirectory == null) {
            EmbeddedPostgres postgres = tuned(EmbeddedPostgres.builder()).start();
            return new EmbeddedDatabase(postgres, postgres.getPort());
        }
        Integer runningPort = runningPort(dataDirectory);
        if (runningPort != null && accepts(runningPort)) {
            log.info("Using the PostgreSQL already running on {} (port {})", dataDirectory, runningPort);
            return new EmbeddedDatabase(null, runningPort);
        }
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = tuned(EmbeddedPostgres.builder())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        log.info("Started embedded PostgreSQL on {} (port {})", dataDirectory, postgres.getPort());
        return new EmbeddedDatabase(postgres, postgres.getPort());
    }

    /** Room for bulk ingest: fewer forced checkpoints, a larger buffer cache. */
    private static EmbeddedPostgres.Builder tuned(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "15min");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
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

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
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
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Integer.parseInt(lines.get(3).trim());
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean accepts(int port) {
        EmbeddedDatabase probe = new EmbeddedDatabase(null, port);
        try (Connection connection = probe.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
