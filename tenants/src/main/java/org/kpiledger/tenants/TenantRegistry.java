package org.kpiledger.tenants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.kpiledger.accounts.LocalAccounts;
import org.kpiledger.platform.tenancy.TenantDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The tenants in PostgreSQL, and the append-only record of their creation and suspensions. */
class TenantRegistry implements TenantDirectory {

    private final JdbcTemplate jdbc;
    private final LocalAccounts accounts;
    private final Clock clock;

    TenantRegistry(JdbcTemplate jdbc, LocalAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A tenant as the operator sees it. */
    record Tenant(String tenantId, String name, String timeZone, Status status, boolean isDefault,
            Instant createdAt, String createdBy) {
    }

    @Override
    public Optional<Status> status(String tenantId) {
        return jdbc.queryForList("select status from tenant where tenant_id = ?", String.class, tenantId).stream()
                .findFirst().map(Status::valueOf);
    }

    @Override
    public List<Served> active() {
        return jdbc.query("select tenant_id, time_zone from tenant where status = 'ACTIVE' order by tenant_id",
                (row, number) -> new Served(row.getString(1), ZoneId.of(row.getString(2))));
    }

    List<Tenant> list() {
        return jdbc.query("select * from tenant order by tenant_id", TenantRegistry::tenant);
    }

    Optional<Tenant> find(String tenantId) {
        return jdbc.query("select * from tenant where tenant_id = ?", TenantRegistry::tenant, tenantId).stream()
                .findFirst();
    }

    /** The tenant and its administrator {@code admin}, in one transaction: a tenant never exists without one. */
    @Transactional
    Tenant create(String tenantId, String name, String timeZone, String adminUsername, String adminPasswordHash,
            String operator) {
        Instant now = clock.instant();
        try {
            jdbc.update("insert into tenant (tenant_id, name, time_zone, status, created_at, created_by) "
                    + "values (?, ?, ?, 'ACTIVE', ?, ?)", tenantId, name, timeZone, Timestamp.from(now), operator);
        } catch (DuplicateKeyException e) {
            throw new TenantAlreadyExistsException(tenantId);
        }
        record(now, operator, tenantId, "CREATED", Status.ACTIVE);
        accounts.createFirstAdminOf(tenantId, adminUsername, adminPasswordHash, "operator:" + operator);
        return new Tenant(tenantId, name, timeZone, Status.ACTIVE, false, now, operator);
    }

    /** Suspends or reactivates the tenant; answers it as it is after the change, which may have been none. */
    @Transactional
    Tenant setStatus(String tenantId, Status status, String operator) {
        Tenant current = jdbc.query("select * from tenant where tenant_id = ? for update", TenantRegistry::tenant,
                tenantId).stream().findFirst().orElseThrow(() -> new TenantNotFoundException(tenantId));
        if (current.isDefault() && status != Status.ACTIVE) {
            throw new DefaultTenantStaysActiveException();
        }
        if (current.status() == status) {
            return current;
        }
        jdbc.update("update tenant set status = ? where tenant_id = ?", status.name(), tenantId);
        record(clock.instant(), operator, tenantId, status == Status.ACTIVE ? "REACTIVATED" : "SUSPENDED", status);
        return new Tenant(tenantId, current.name(), current.timeZone(), status, false, current.createdAt(),
                current.createdBy());
    }

    /** The tenant the migration stored as the default one. */
    String storedDefault() {
        return jdbc.queryForObject("select tenant_id from tenant where is_default", String.class);
    }

    private void record(Instant at, String operator, String tenantId, String action, Status status) {
        jdbc.update("insert into tenant_change (changed_at, changed_by, tenant_id, action, status) "
                + "values (?, ?, ?, ?, ?)", Timestamp.from(at), operator, tenantId, action, status.name());
    }

    private static Tenant tenant(ResultSet row, int number) throws SQLException {
        return new Tenant(row.getString("tenant_id"), row.getString("name"), row.getString("time_zone"),
                Status.valueOf(row.getString("status")), row.getBoolean("is_default"),
                row.getTimestamp("created_at").toInstant(), row.getString("created_by"));
    }
}
