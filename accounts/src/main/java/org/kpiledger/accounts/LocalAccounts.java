package org.kpiledger.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kpiledger.platform.security.AccountDirectory;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.security.LocalAccount;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantBoundDataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local accounts in PostgreSQL, and the append-only record of every change to them. Each change and its record
 * are written in one transaction: an account never changes without the record saying who changed it. Accounts belong
 * to tenants: no query here names one, because row-level security shows each connection only its tenant's rows.
 */
public class LocalAccounts implements AccountDirectory {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DefaultTenant defaultTenant;

    LocalAccounts(JdbcTemplate jdbc, Clock clock, DefaultTenant defaultTenant) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultTenant = defaultTenant;
    }

    /** An account as administrators see it: never its password hash. */
    public record Account(String username, Set<LedgerRole> roles, String department, boolean enabled,
            Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String email) {
    }

    /** One change of an account: who changed whose rights, when, and what they are after the change. */
    public record Change(long id, Instant changedAt, String changedBy, String username, String action,
            Set<LedgerRole> roles, String department, Boolean enabled) {
    }

    @Override
    public LocalAccount loadForLogin(String username) {
        return jdbc.query("select * from user_account where username = ?", (row, n) -> new LocalAccount(
                        row.getString("username"), row.getString("password_hash"),
                        LedgerRole.split(row.getString("roles")), row.getString("department"),
                        row.getBoolean("enabled"), row.getString("tenant_id")), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }

    public List<Account> list() {
        return jdbc.query("select * from user_account order by username", LocalAccounts::account);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select * from user_account where username = ?", LocalAccounts::account, username)
                .stream().findFirst();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.queryForList("select password_hash from user_account where username = ?", String.class, username)
                .stream().findFirst();
    }

    @Transactional
    public Account create(String username, String passwordHash, Set<LedgerRole> roles, String department,
            String email, String changedBy) {
        Instant now = clock.instant();
        try {
            jdbc.update("insert into user_account (username, password_hash, roles, department, enabled, created_at, "
                    + "email) values (?, ?, ?, ?, true, ?, ?)", username, passwordHash, LedgerRole.joined(roles),
                    department, Timestamp.from(now), email);
        } catch (DuplicateKeyException e) {
            throw new UserAlreadyExistsException(username);
        }
        record(now, changedBy, username, "CREATED", roles, department, true);
        return new Account(username, roles, department, true, now, email);
    }

    /**
     * Creates the first administrator of the default tenant, who is also the deployment's operator, unless the
     * tenant has any account; true when this call created it.
     */
    @Transactional
    boolean createFirstAdmin(String username, String passwordHash) {
        jdbc.execute("lock table user_account in exclusive mode");
        if (jdbc.queryForObject("select count(*) from user_account", Long.class) > 0) {
            return false;
        }
        create(username, passwordHash, Set.of(LedgerRole.ADMIN, LedgerRole.OPERATOR), null, null,
                "system:first-start");
        return true;
    }

    /**
     * Creates the administrator of a new tenant, within the transaction that creates the tenant: the rows are the
     * new tenant's, and after them the transaction works for the current tenant again.
     */
    @Transactional
    public Account createFirstAdminOf(String tenantId, String username, String passwordHash, String changedBy) {
        workFor(tenantId);
        try {
            return create(username, passwordHash, Set.of(LedgerRole.ADMIN), null, null, changedBy);
        } finally {
            workFor(defaultTenant.current());
        }
    }

    private void workFor(String tenantId) {
        jdbc.queryForObject("select set_config('" + TenantBoundDataSource.SETTING + "', ?, true)", String.class,
                tenantId);
    }

    @Transactional
    public Account changeRoles(String username, Set<LedgerRole> roles, String department, String changedBy) {
        Account current = lockExisting(username);
        jdbc.update("update user_account set roles = ?, department = ? where username = ?",
                LedgerRole.joined(roles), department, username);
        record(clock.instant(), changedBy, username, "ROLES_CHANGED", roles, department, current.enabled());
        return new Account(username, roles, department, current.enabled(), current.createdAt(), current.email());
    }

    @Transactional
    public Account setEnabled(String username, boolean enabled, String changedBy) {
        Account current = lockExisting(username);
        jdbc.update("update user_account set enabled = ? where username = ?", enabled, username);
        record(clock.instant(), changedBy, username, enabled ? "ENABLED" : "DISABLED", current.roles(),
                current.department(), enabled);
        return new Account(username, current.roles(), current.department(), enabled, current.createdAt(),
                current.email());
    }

    /** Sets (or, with null, removes) the address the account's reminders go to. */
    @Transactional
    public Account setEmail(String username, String email, String changedBy) {
        Account current = lockExisting(username);
        jdbc.update("update user_account set email = ? where username = ?", email, username);
        record(clock.instant(), changedBy, username, "EMAIL_CHANGED", current.roles(), current.department(),
                current.enabled());
        return new Account(username, current.roles(), current.department(), current.enabled(), current.createdAt(),
                email);
    }

    /**
     * The addresses of the enabled accounts holding a role (of a department, when one is named): whom the reporting
     * cycle's reminders go to.
     */
    public List<String> emailsOf(LedgerRole role, String department) {
        return jdbc.queryForList("select email from user_account where enabled and email is not null "
                + "and (',' || roles || ',') like ? and (?::varchar is null or department = ?) order by username",
                String.class, "%," + role.name() + ",%", department, department);
    }

    @Transactional
    public void changePassword(String username, String passwordHash, String changedBy) {
        Account current = lockExisting(username);
        jdbc.update("update user_account set password_hash = ? where username = ?", passwordHash, username);
        record(clock.instant(), changedBy, username, "PASSWORD_CHANGED", current.roles(), current.department(),
                current.enabled());
    }

    /** The accounts holding the role that could still sign in, besides the given one. */
    long otherEnabledHolders(LedgerRole role, String username) {
        return jdbc.query("select roles from user_account where enabled and username <> ?",
                (row, n) -> LedgerRole.split(row.getString(1)), username)
                .stream().filter(roles -> roles.contains(role)).count();
    }

    /** The id of the account's latest change (0 for none): it grows with every change of the account. */
    @Override
    public long lastChangeOf(String username) {
        return jdbc.queryForObject("select coalesce(max(id), 0) from user_account_change where username = ?",
                Long.class, username);
    }

    public List<Change> changes(String username, long after, int limit) {
        return jdbc.query("select * from user_account_change where (?::varchar is null or username = ?) and id > ? "
                + "order by id limit ?", (row, n) -> new Change(row.getLong("id"),
                row.getTimestamp("changed_at").toInstant(), row.getString("changed_by"), row.getString("username"),
                row.getString("action"), LedgerRole.split(row.getString("roles")), row.getString("department"),
                (Boolean) row.getObject("enabled")), username, username, after, limit);
    }

    private Account lockExisting(String username) {
        return jdbc.query("select * from user_account where username = ? for update", LocalAccounts::account, username)
                .stream().findFirst().orElseThrow(() -> new UserNotFoundException(username));
    }

    private void record(Instant at, String changedBy, String username, String action, Set<LedgerRole> roles,
            String department, Boolean enabled) {
        jdbc.update("insert into user_account_change (changed_at, changed_by, username, action, roles, department, "
                + "enabled) values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(at), changedBy, username, action,
                LedgerRole.joined(roles), department, enabled);
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        return new Account(row.getString("username"), LedgerRole.split(row.getString("roles")),
                row.getString("department"), row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(),
                row.getString("email"));
    }
}
