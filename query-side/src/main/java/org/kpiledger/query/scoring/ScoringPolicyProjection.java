package org.kpiledger.query.scoring;

import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the scoring policies cities defined, as defined; a version never changes, so a replay only inserts. */
@Component
@ProcessingGroup(ScoringPolicyProjection.PROCESSING_GROUP)
class ScoringPolicyProjection {

    static final String PROCESSING_GROUP = "scoring-policies";

    private final JdbcTemplate jdbc;

    ScoringPolicyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScoringPolicyDefinedEvent event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        jdbc.update("""
                insert into scoring_policy_definition (policy_id, version, definition, defined_at, defined_by, position)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", event.policyId(), event.version(),
                event.definition(), at.atOffset(ZoneOffset.UTC), actor, NotifiedEventSource.positionOf(message));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table scoring_policy_definition");
    }

    /** A rebuild of one tenant: its rows only, which the replay builds again; the other tenants' stay. */
    @ResetHandler
    void reset(TenantRebuild rebuild) {
        rebuild.deleteRows(jdbc, "scoring_policy_definition");
    }
}
