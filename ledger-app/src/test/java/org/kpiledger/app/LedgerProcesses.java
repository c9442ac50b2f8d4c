package org.kpiledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real PostgreSQL that outlives the applications started against it, the way a deployed database outlives
 * restarts of the command side and the query side.
 */
final class LedgerProcesses implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    LedgerProcesses() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an application (both sides, or one side alone) on its own free port against the shared database. */
    ConfigurableApplicationContext start(Class<?> application) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off");
        running.add(context);
        return context;
    }

    static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    void stop(ConfigurableApplicationContext context) {
        context.close();
        running.remove(context);
    }

    JdbcTemplate database() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    long eventCount() {
        return database().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Override
    public void close() throws IOException {
        running.forEach(ConfigurableApplicationContext::close);
        postgres.close();
    }
}
