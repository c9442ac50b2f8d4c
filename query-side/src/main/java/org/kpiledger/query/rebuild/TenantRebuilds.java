package org.kpiledger.query.rebuild;

import java.util.Comparator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.kpiledger.platform.tenancy.CurrentTenant;
import org.kpiledger.platform.tenancy.TenantCode;
import org.kpiledger.platform.tenancy.TenantDirectory;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one tenant's read models from its events while every other tenant's rows stay and are served: each
 * projection of this process is stopped, reset with the tenant as its replay's context ({@link TenantRebuild}: its
 * reset handler deletes the tenant's rows, as the tenant) and started again. The replay reads the event table from its
 * start and handles the tenant's events only; the projections follow new events of every tenant as before once it
 * has passed the position they had reached. The projections must be this process's to reset: in a deployment of
 * several query sides, ask the one holding their segments.
 */
@Component
class TenantRebuilds {

    private final EventProcessingConfiguration processing;
    private final TenantDirectory tenants;

    TenantRebuilds(EventProcessingConfiguration processing, TenantDirectory tenants) {
        this.processing = processing;
        this.tenants = tenants;
    }

    /** Starts the rebuild of the tenant's read models; answers the projections it resets. */
    List<String> rebuild(String tenantId) {
        if (!TenantCode.isValid(tenantId) || tenants.status(tenantId).isEmpty()) {
            throw ProblemType.TENANT_NOT_FOUND.exception("This deployment hosts no tenant '" + tenantId + "'.",
                    "tenantId");
        }
        List<StreamingEventProcessor> projections = projections();
        List<String> heldElsewhere = projections.stream().filter(projection -> projection.processingStatus().isEmpty())
                .map(StreamingEventProcessor::getName).toList();
        if (!heldElsewhere.isEmpty()) {
            throw ProblemType.PROJECTIONS_HELD_ELSEWHERE.exception("This process holds none of the segments of "
                    + heldElsewhere + ": another query side does. Ask that one to rebuild.", null);
        }
        for (StreamingEventProcessor projection : projections) {
            projection.shutDown();
            try (CurrentTenant.Scope rebuilt = CurrentTenant.open(tenantId)) {
                projection.resetTokens(new TenantRebuild(tenantId));
            } finally {
                projection.start();
            }
        }
        return projections.stream().map(StreamingEventProcessor::getName).toList();
    }

    /**
     * The projections of this process that have not yet replayed up to the position they had reached when reset
     * (Axon's replay flag stays up until an event after that position arrives, which may be long).
     */
    List<String> replaying() {
        return projections().stream().filter(projection -> projection.processingStatus().values().stream()
                .anyMatch(TenantRebuilds::behindItsReset)).map(StreamingEventProcessor::getName).toList();
    }

    private static boolean behindItsReset(EventTrackerStatus status) {
        return status.isReplaying() && status.getCurrentPosition().orElse(-1)
                < status.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private List<StreamingEventProcessor> projections() {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).filter(StreamingEventProcessor::supportsReset)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName)).toList();
    }
}
