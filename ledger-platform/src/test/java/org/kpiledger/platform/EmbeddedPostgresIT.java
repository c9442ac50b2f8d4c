package org.kpiledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded PostgreSQL of the zero-setup run, when it keeps its data in a directory between runs. The context
 * is closed after the class, stopping PostgreSQL before its temporary data directory is removed.
 */
@SpringBootTest
@DirtiesContext
class EmbeddedPostgresIT {

    @TempDir
    static Path dataDirectory;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void keepDataIn(DynamicPropertyRegistry properties) {
        properties.add("kpi-ledger.embedded-postgres.data-directory", () -> dataDirectory.resolve("postgres").toString());
    }

    @Test
    void keepsItsClusterInTheDataDirectory() throws IOException {
        // the service is no superuser and may not "show data_directory"; the running postmaster names its directory
        assertThat(Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid")).get(1))
                .isEqualTo(dataDirectory.resolve("postgres").toAbsolutePath().toString());
        assertThat(Files.exists(dataDirectory.resolve("postgres").resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void acknowledgesAWriteOnlyOnceItIsOnDisk() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    }
}
