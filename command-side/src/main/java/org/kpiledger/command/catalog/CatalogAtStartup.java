package org.kpiledger.command.catalog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the catalog named by {@code kpi-ledger.catalog} ({@code KPI_LEDGER_CATALOG}) when the command side starts:
 * the shipped Shinagawa strategy in the one-process default, nothing ({@code none}) unless configured otherwise.
 */
@Component
class CatalogAtStartup implements ApplicationRunner {

    private final CatalogLoader loader;
    private final String location;

    CatalogAtStartup(CatalogLoader loader, @Value("${kpi-ledger.catalog:none}") String location) {
        this.loader = loader;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!location.isBlank() && !location.equalsIgnoreCase("none")) {
            loader.load(location);
        }
    }
}
