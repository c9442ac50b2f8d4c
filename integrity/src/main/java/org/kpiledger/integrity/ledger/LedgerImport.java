package org.kpiledger.integrity.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.kpiledger.integrity.chain.MerkleTree;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.integrity.chain.StoredEntry;
import org.kpiledger.platform.tenancy.CurrentTenant;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores one tenant's export into this deployment, where that tenant's ledger is empty, in one transaction under the
 * lock of the tenant's chain: each entry's event stored at its own position with the very bytes, type and revision
 * the export holds, then chained as the tenant's; the import is kept only if the chain's head is the export's, which
 * proves every entry was reproduced exactly, and the checkpoint's root is that of the entries it counts. The entries'
 * positions are part of what their hashes commit to: they must be free here (a new deployment, or one that received
 * other tenants of the same deployment, whose positions never meet).
 */
@Component
public class LedgerImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IntegrityChain chain;
    private final DefaultTenant defaultTenant;
    private final TenantDirectory tenants;

    LedgerImport(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrityChain chain,
            DefaultTenant defaultTenant, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.chain = chain;
        this.defaultTenant = defaultTenant;
        this.tenants = tenants;
    }

    /** A tenant's events ready to be stored: whose they are, and the lines in the export's order. */
    private record TenantExport(String tenant, List<Map<String, Object>> entries, SignedCheckpoint checkpoint) {
    }

    /**
     * Imports the export of one tenant's ledger (the tenant its stream ids name; the default tenant's name none)
     * into this deployment; answers how many events it stored.
     */
    public long importFrom(BufferedReader export) {
        TenantExport read = read(export);
        if (read.entries().isEmpty()) {
            return 0L;
        }
        if (tenants.status(read.tenant()).isEmpty()) {
            throw new IllegalStateException("This deployment hosts no tenant " + read.tenant() + ": its operator "
                    + "creates it first (POST /api/v1/tenants), then its ledger is imported");
        }
        try (CurrentTenant.Scope ignored = CurrentTenant.open(read.tenant())) {
            return transaction.execute(status -> importAs(read));
        }
    }

    private long importAs(TenantExport export) {
        String tenant = export.tenant();
        jdbc.queryForList(HashChainingStorageEngine.lockOfChain(tenant));
        if (jdbc.queryForObject("select exists (select 1 from domain_event_entry where tenant_id = ?)", Boolean.class,
                tenant)) {
            throw new IllegalStateException("Tenant " + tenant + "'s ledger is not empty here: an export is "
                    + "imported into an empty one");
        }
        List<byte[]> hashes = new ArrayList<>();
        long last = 0;
        for (Map<String, Object> fields : export.entries()) {
            last = store(fields);
            hashes.add(HEX.parseHex((String) fields.get("hash")));
        }
        SignedCheckpoint checkpoint = export.checkpoint();
        jdbc.queryForObject("select setval('domain_event_global_index_seq', greatest(?, "
                + "(select last_value from domain_event_global_index_seq)))", Long.class, last);
        chain.chainUnchained();
        byte[] head = jdbc.queryForObject("select hash from event_chain where tenant_id = ? "
                + "order by global_index desc limit 1", byte[].class, tenant);
        if (!Arrays.equals(head, hashes.get(hashes.size() - 1))) {
            throw new IllegalStateException("The imported events do not reproduce the export's head hash "
                    + HEX.formatHex(hashes.get(hashes.size() - 1)) + " (they give " + HEX.formatHex(head)
                    + "): the export was altered, or not made by this ledger");
        }
        if (checkpoint != null && (checkpoint.size() > hashes.size() || !Arrays.equals(
                MerkleTree.rootOfEntries(hashes, (int) checkpoint.size()), checkpoint.root()))) {
            throw new IllegalStateException("The export's checkpoint does not sign the imported entries");
        }
        return (long) hashes.size();
    }

    /** The export's entries and checkpoint; refused unless every entry is of one tenant. */
    private TenantExport read(BufferedReader export) {
        List<Map<String, Object>> entries = new ArrayList<>();
        SignedCheckpoint checkpoint = null;
        String tenant = null;
        try {
            String line;
            while ((line = export.readLine()) != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = JSON.readValue(line, LinkedHashMap.class);
                if (fields.get("checkpoint") instanceof Map<?, ?> signed) {
                    checkpoint = SignedCheckpoint.parse(String.valueOf(signed.get("note")));
                    continue;
                }
                String of = HashChainingStorageEngine.tenantOfStream((String) fields.get("streamId"),
                        defaultTenant.id());
                if (tenant != null && !tenant.equals(of)) {
                    throw new IllegalStateException("The export holds the events of tenants " + tenant + " and " + of
                            + " (line of position " + fields.get("position") + "): a ledger is one tenant's");
                }
                tenant = of;
                entries.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TenantExport(tenant, entries, checkpoint);
    }

    /** Stores an entry's event as the export holds it: its stored columns, byte for byte. */
    private long store(Map<String, Object> fields) {
        if (!Integer.valueOf(StoredEntry.SCHEME).equals(fields.get("scheme"))) {
            throw new IllegalStateException("The export is not of scheme " + StoredEntry.SCHEME + " (line of position "
                    + fields.get("position") + "): an export of an earlier release is verified with it, not "
                    + "imported; open that release's database with this one instead");
        }
        long position = ((Number) fields.get("position")).longValue();
        Object metadata = fields.get("metadata");
        try {
            jdbc.update("insert into domain_event_entry (" + StoredEntry.COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", position, fields.get("eventId"),
                    fields.get("streamType"), fields.get("streamId"), ((Number) fields.get("sequence")).longValue(),
                    fields.get("timestamp"), fields.get("payloadType"), fields.get("payloadRevision"),
                    Base64.getDecoder().decode((String) fields.get("payload")),
                    metadata == null ? null : Base64.getDecoder().decode((String) metadata));
        } catch (DuplicateKeyException taken) {
            throw new IllegalStateException("Position " + position + ", or its event, is another tenant's in this "
                    + "deployment: the positions of an export are part of its hashes, and it is imported where they "
                    + "are free (a new deployment, or one holding other tenants of the deployment it was exported "
                    + "from)", taken);
        }
        return position;
    }
}
