package org.kpiledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A hot standby of the tests' PostgreSQL, streaming its write-ahead log as a production replica would. The embedded
 * binaries have no {@code pg_basebackup}, so the base backup is taken the way it does it: {@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop}'s label, a replication slot so that no log is recycled
 * before the standby asks for it.
 */
final class StreamingReplica implements AutoCloseable {

    private static final String SLOT = "ledger_replica";
    /** What a base backup leaves out: the running server's own files, its log and slots (the standby streams). */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "pg_wal", "pg_replslot", "pg_stat_tmp");

    private final Path directory;
    private final EmbeddedPostgres standby;

    private StreamingReplica(Path directory, EmbeddedPostgres standby) {
        this.directory = directory;
        this.standby = standby;
    }

    static StreamingReplica of(DataSource primarySuperuser, int primaryPort) {
        try {
            Path copy = Files.createTempDirectory("kpi-ledger-replica");
            try (Connection connection = primarySuperuser.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
                Path data = Path.of(single(statement, "show data_directory"));
                statement.execute("select pg_backup_start('kpi-ledger-replica', true)");
                copyDataDirectory(data, copy);
                Files.writeString(copy.resolve("backup_label"),
                        single(statement, "select labelfile from pg_backup_stop(false)"), StandardCharsets.UTF_8);
            }
            Files.createDirectories(copy.resolve("pg_wal/archive_status"));
            Files.createDirectories(copy.resolve("pg_replslot"));
            Files.createDirectories(copy.resolve("pg_stat_tmp"));
            Files.createFile(copy.resolve("standby.signal"));
            Files.writeString(copy.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=localhost port="
                    + primaryPort + " user=postgres'\nprimary_slot_name = '" + SLOT + "'\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            EmbeddedPostgres standby = EmbeddedPostgres.builder().setDataDirectory(copy)
                    .setCleanDataDirectory(false).start();
            return new StreamingReplica(copy, standby);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(path -> !from.equals(path) && !LEFT_OUT.contains(from.relativize(path)
                    .getName(0).toString())).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            try {
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (NoSuchFileException vanished) {
                // a file the server removed while it was copied: the log replay recreates what is needed
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + standby.getPort() + "/postgres";
    }

    /** The standby as its superuser sees it: to pause and resume its replay. */
    JdbcTemplate database() {
        return new JdbcTemplate(standby.getPostgresDatabase());
    }

    @Override
    public void close() throws IOException {
        standby.close();
        FileSystemUtils.deleteRecursively(directory);
    }
}
