package org.kpiledger.command.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.kpiledger.platform.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Loads the catalog named by {@code kpi-ledger.catalog} ({@code KPI_LEDGER_CATALOG}) when the command side starts:
 * the shipped Shinagawa strategy in the one-process default, nothing ({@code none}) unless configured otherwise.
 * Command sides started together on one database (two behind a load balancer) load it one after the other, under
 * a PostgreSQL advisory lock: the second finds it loaded and adds nothing, instead of failing its start on the first's
 * concurrent writes.
 */
@Component
class CatalogAtStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogAtStartup.class);
    private static final String LEDGER_INTEGRITY_BROKEN = "LEDGER_INTEGRITY_BROKEN";
    /** The advisory lock key of the catalog loaded at start: "kpi-catl" in ASCII. */
    private static final long CATALOG_LOCK = 0x6b70692d6361746cL;

    private final CatalogLoader loader;
    private final DataSource dataSource;
    private final String location;

    CatalogAtStartup(CatalogLoader loader, DataSource dataSource,
            @Value("${kpi-ledger.catalog:none}") String location) {
        this.loader = loader;
        this.dataSource = dataSource;
        this.location = location;
    }

    /**
     * A ledger whose history shows an unacknowledged break refuses every write, this one too; it must still start,
     * so that an administrator can acknowledge the break. The catalog is then loaded at the next start.
     */
    @Override
    public void run(ApplicationArguments arguments) throws SQLException {
        if (location.isBlank() || location.equalsIgnoreCase("none")) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement lock = connection.createStatement()) {
            lock.execute("select pg_advisory_lock(" + CATALOG_LOCK + ")");
            try {
                loader.load(location);
            } catch (ErrorResponseException refused) {
                if (refused.getBody().getProperties() == null
                        || !LEDGER_INTEGRITY_BROKEN.equals(refused.getBody().getProperties().get(ProblemCode.CODE))) {
                    throw refused;
                }
                LOG.warn("The catalog {} was not loaded: {}", location, refused.getBody().getDetail());
            } finally {
                lock.execute("select pg_advisory_unlock(" + CATALOG_LOCK + ")");
            }
        }
    }
}
