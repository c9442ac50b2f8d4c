package org.kpiledger.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the embedded PostgreSQL to everyone but its operator and the service. Its library creates a cluster that
 * trusts every local connection as the superuser; at each start this sets, where not yet set:
 * <ul>
 *   <li>a generated password for the superuser {@code postgres}, kept for the operator in {@code postgres.password}
 *       in the data directory (mode 0600);</li>
 *   <li>an ordinary role {@value #SERVICE_ROLE} (not a superuser, cannot create roles or databases), with its own
 *       generated password in {@code kpi_ledger.password} (0600), owning the schema and everything in it, so that
 *       the service works without {@code pg_read_file}, {@code COPY ... PROGRAM} or any superuser right;</li>
 *   <li>SCRAM password authentication for every connection, local socket and loopback alike.</li>
 * </ul>
 * A store written before this (owned by the superuser) is handed to the service's role the same way.
 */
final class EmbeddedPostgresAccess {

    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "kpi_ledger";
    static final String DATABASE = "postgres";
    static final String SUPERUSER_PASSWORD_FILE = "postgres.password";
    static final String SERVICE_PASSWORD_FILE = SERVICE_ROLE + ".password";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAccess.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HBA = """
            # Written by kpi-ledger: every connection signs in with a password (SCRAM), the superuser's included.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final Path dataDirectory;

    EmbeddedPostgresAccess(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The superuser's password, if the cluster was closed before (the library's readiness check needs it). */
    String superuserPasswordIfSet() {
        Path file = dataDirectory.resolve(SUPERUSER_PASSWORD_FILE);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Closes the running cluster as described above; answers the superuser's password. */
    String close(int port) {
        String superuserPassword = superuserPasswordIfSet();
        try (Connection connection = connect(port, SUPERUSER, superuserPassword);
             Statement statement = connection.createStatement()) {
            if (superuserPassword == null) {
                superuserPassword = generate(SUPERUSER_PASSWORD_FILE);
            }
            String servicePassword = passwordInFile(SERVICE_PASSWORD_FILE);
            statement.execute("alter system set password_encryption = 'scram-sha-256'");
            statement.execute("select pg_reload_conf()");
            statement.execute("alter role " + SUPERUSER + " password " + literal(superuserPassword));
            boolean exists;
            try (ResultSet role = statement.executeQuery("select 1 from pg_roles where rolname = '" + SERVICE_ROLE
                    + "'")) {
                exists = role.next();
            }
            statement.execute((exists ? "alter role " : "create role ") + SERVICE_ROLE + " login nosuperuser "
                    + "nocreatedb nocreaterole noreplication nobypassrls password " + literal(servicePassword));
            handOver(statement);
            writeHba();
            statement.execute("select pg_reload_conf()");
            return superuserPassword;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the embedded PostgreSQL to other users", e);
        }
    }

    String servicePassword() {
        return passwordInFile(SERVICE_PASSWORD_FILE);
    }

    /** Gives the schema, and whatever the superuser owns in it (a store of an earlier release), to the service. */
    private static void handOver(Statement statement) throws SQLException {
        statement.execute("alter schema public owner to " + SERVICE_ROLE);
        List<String> changes = new ArrayList<>();
        try (ResultSet owned = statement.executeQuery("""
                select case c.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end,
                       quote_ident(c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'S', 'v')
                  and pg_get_userbyid(c.relowner) = 'postgres'
                  and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                      where d.objid = c.oid and d.deptype in ('a', 'i') and d.classid = 'pg_class'::regclass))""")) {
            while (owned.next()) {
                changes.add("alter " + owned.getString(1) + " public." + owned.getString(2) + " owner to "
                        + SERVICE_ROLE);
            }
        }
        try (ResultSet owned = statement.executeQuery("""
                select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and pg_get_userbyid(p.proowner) = 'postgres'""")) {
            while (owned.next()) {
                changes.add("alter function " + owned.getString(1) + " owner to " + SERVICE_ROLE);
            }
        }
        for (String change : changes) {
            statement.execute(change);
        }
        if (!changes.isEmpty()) {
            log.info("Handed {} objects of an earlier release's store to the role {}", changes.size(), SERVICE_ROLE);
        }
    }

    private void writeHba() {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded PostgreSQL's pg_hba.conf", e);
        }
    }

    private String passwordInFile(String name) {
        Path file = dataDirectory.resolve(name);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : generate(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A new random password, written to a file of the data directory only its owner may read. */
    private String generate(String name) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Path written = Files.createTempFile(dataDirectory, name, ".tmp");
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
            Files.move(written, dataDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a password in " + dataDirectory.resolve(name), e);
        }
    }

    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(DATABASE);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }
}
