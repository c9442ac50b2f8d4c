package org.kpiledger.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL that kpi-ledger starts for itself when no external database is configured. Whether it starts
 * is decided by {@code kpi-ledger.embedded-postgres.enabled}; when that is unset, it starts exactly when
 * {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the cluster lives and is kept between runs; when unset, a temporary directory that
 *                      is removed at shutdown (what the tests use)
 * @param port          the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("kpi-ledger.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port) {
}
