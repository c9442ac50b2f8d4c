package org.kpiledger.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the current tenant in {@code kpi_ledger.tenant}, the setting the row-level
 * security policies compare each row's {@code tenant_id} with. A pooled connection keeps its setting between uses,
 * so the setting is sent only when the connection was last set for another tenant.
 */
public class TenantBoundDataSource extends DelegatingDataSource implements AutoCloseable {

    public static final String SETTING = "kpi_ledger.tenant";

    private final String defaultTenant;
    private final Map<Connection, String> tenantOfConnection = Collections.synchronizedMap(new WeakHashMap<>());

    public TenantBoundDataSource(DataSource pool, String defaultTenant) {
        super(pool);
        this.defaultTenant = defaultTenant;
    }

    /** Closes the pool with the application context, which closes the data source it knows: this one. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bound(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bound(super.getConnection(username, password));
    }

    private Connection bound(Connection connection) throws SQLException {
        String tenant = CurrentTenant.id().orElse(defaultTenant);
        Connection physical = connection.unwrap(Connection.class);
        if (tenant.equals(tenantOfConnection.get(physical))) {
            return connection;
        }
        try (PreparedStatement set = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            set.setString(1, tenant);
            set.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        // outside autocommit the setting would be undone by a rollback of the transaction it was sent in
        if (connection.getAutoCommit()) {
            tenantOfConnection.put(physical, tenant);
        } else {
            tenantOfConnection.remove(physical);
        }
        return connection;
    }
}
