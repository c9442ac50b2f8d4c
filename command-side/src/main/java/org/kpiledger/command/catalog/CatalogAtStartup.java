package org.kpiledger.command.catalog;

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
 */
@Component
class CatalogAtStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogAtStartup.class);
    private static final String LEDGER_INTEGRITY_BROKEN = "LEDGER_INTEGRITY_BROKEN";

    private final CatalogLoader loader;
    private final String location;

    CatalogAtStartup(CatalogLoader loader, @Value("${kpi-ledger.catalog:none}") String location) {
        this.loader = loader;
        this.location = location;
    }

    /**
     * A ledger whose history shows an unacknowledged break refuses every write, this one too; it must still start,
     * so that an administrator can acknowledge the break. The catalog is then loaded at the next start.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        if (!location.isBlank() && !location.equalsIgnoreCase("none")) {
            try {
                loader.load(location);
            } catch (ErrorResponseException refused) {
                if (refused.getBody().getProperties() == null
                        || !LEDGER_INTEGRITY_BROKEN.equals(refused.getBody().getProperties().get(ProblemCode.CODE))) {
                    throw refused;
                }
                LOG.warn("The catalog {} was not loaded: {}", location, refused.getBody().getDetail());
            }
        }
    }
}
