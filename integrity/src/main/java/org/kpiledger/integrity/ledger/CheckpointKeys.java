package org.kpiledger.integrity.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each tenant's checkpoint key, and the origin its checkpoints name. The default tenant's is the key of
 * {@code kpi-ledger.integrity.signing-key-file} under the origin {@code kpi-ledger.integrity.origin}, as before there
 * were tenants; another tenant's is the file {@code <tenantId>-<that file's name>} beside it, under the origin
 * {@code <origin>/<tenantId>}, generated at the tenant's first checkpoint. So an auditor of one municipality checks
 * its ledger with its own verifier key, which signs nothing of another's.
 */
@Component
public class CheckpointKeys {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKeys.class);

    private final String origin;
    private final String file;
    private final DefaultTenant defaultTenant;
    private final Map<String, CheckpointKey> keys = new ConcurrentHashMap<>();

    CheckpointKeys(@Value("${kpi-ledger.integrity.origin:kpi-ledger}") String origin,
            @Value("${kpi-ledger.integrity.signing-key-file:}") String file, DefaultTenant defaultTenant) {
        this.origin = origin;
        this.file = file;
        this.defaultTenant = defaultTenant;
        if (file.isBlank()) {
            LOG.warn("No kpi-ledger.integrity.signing-key-file: checkpoints are signed with keys of this run only");
        }
        of(defaultTenant.id());
    }

    /** The key of the tenant the current thread works for. */
    public CheckpointKey current() {
        return of(defaultTenant.current());
    }

    public CheckpointKey of(String tenant) {
        if (!TenantCode.isValid(tenant)) {
            throw new IllegalArgumentException("not a tenant: " + tenant);
        }
        return keys.computeIfAbsent(tenant, this::load);
    }

    private CheckpointKey load(String tenant) {
        boolean theDefault = defaultTenant.is(tenant);
        String keyFile = file.isBlank() || theDefault ? file
                : Path.of(file).toAbsolutePath().resolveSibling(tenant + "-" + Path.of(file).getFileName()).toString();
        try {
            return new CheckpointKey(theDefault ? origin : origin + "/" + tenant, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the checkpoint key " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The checkpoint key " + keyFile + " is not an Ed25519 key", e);
        }
    }
}
