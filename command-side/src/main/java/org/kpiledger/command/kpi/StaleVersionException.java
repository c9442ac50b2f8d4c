package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.KpiId;

/** The writer saw an older (or a newer) version of the KPI than the one in the ledger. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    StaleVersionException(KpiId kpiId, long expectedVersion, long currentVersion) {
        super(expectedVersion < 0
                ? "KPI " + kpiId + " is at version " + currentVersion + "; a weak entity tag (W/...) never matches "
                        + "If-Match. Send the ETag as it was given."
                : "KPI " + kpiId + " is at version " + currentVersion + ", not " + expectedVersion
                        + "; read it again and retry.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
