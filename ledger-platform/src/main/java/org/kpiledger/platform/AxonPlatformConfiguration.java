package org.kpiledger.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.kpiledger.platform.events.upcasting.FieldsAddedUpcaster;
import org.kpiledger.platform.events.upcasting.UnknownRevisionUpcaster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** The Axon pieces both sides need beyond Axon's own auto-configuration. */
@AutoConfiguration
public class AxonPlatformConfiguration {

    /** Who issued a command: copied from the command's metadata into every event it causes. */
    public static final String ACTOR = "actor";
    /** The department the actor belonged to when issuing the command; absent when the account names none. */
    public static final String ACTOR_DEPARTMENT = "actorDepartment";
    /** The actor's roles at that moment, comma-separated, such as {@code STAFF} or {@code PLANNER,AUDITOR}. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** How the actor authenticated: {@code HTTP_BASIC}, {@code FORM_LOGIN}, {@code BEARER_TOKEN} or {@code SYSTEM}. */
    public static final String AUTH_METHOD = "authMethod";
    /** Ties an HTTP request, its command and the command's events together. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The tenant a command was issued for, and so the tenant of every event it causes; events stored before tenants
     * existed have none and are the default tenant's.
     */
    public static final String TENANT = "tenant";

    /**
     * Copies the actor (name, department, roles, how they authenticated), the tenant and the request's correlation
     * id from each command into every event it causes. Declared instead of Axon's default provider, which would put the command's
     * own message id under the same key.
     */
    @Bean
    CorrelationDataProvider actorAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, ACTOR_DEPARTMENT, ACTOR_ROLES, AUTH_METHOD, CORRELATION_ID,
                TENANT);
    }

    /**
     * Lets Jackson 3 read back Axon's own polymorphic values, such as the replay token a streaming processor
     * stores while it rebuilds a projection. Jackson 3 refuses, by default, any type id declared against
     * {@code Object}; only Axon's types, and the context of a tenant's rebuild its replay token carries, are admitted
     * here, never arbitrary classes named in stored JSON.
     */
    @Bean
    Jackson3SerializerCustomizer axonTypesOnlyPolymorphism() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType(TenantRebuild.class)
                .build());
    }

    /**
     * Acknowledgements stored at revision 1 read as revision 2: the break's {@code kind} and {@code evidence} were not
     * stated then, and the acknowledgement keeps naming its break by position and reason (docs/event-evolution.md).
     */
    @Bean
    @Order(0)
    FieldsAddedUpcaster integrityBreakAcknowledgedUpcaster() {
        return new FieldsAddedUpcaster("org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent", 1, "kind",
                "evidence");
    }

    /** Registrations stored at revision 1 state no code in a plan and no lineage: the id is the code. */
    @Bean
    @Order(0)
    FieldsAddedUpcaster kpiRegisteredUpcaster() {
        return new FieldsAddedUpcaster("org.kpiledger.events.kpi.KpiRegisteredEvent", 1, "code", "lineage");
    }

    /** Strategies defined at revision 1 succeed no plan. */
    @Bean
    @Order(0)
    FieldsAddedUpcaster strategyDefinedUpcaster() {
        return new FieldsAddedUpcaster("org.kpiledger.events.strategy.StrategyDefinedEvent", 1, "predecessor");
    }

    /** Last in the chain: what no upcaster brought to a known revision is read as an unknown type. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    UnknownRevisionUpcaster unknownRevisionUpcaster() {
        return new UnknownRevisionUpcaster();
    }

    /** Business time: which fiscal year is running is decided in the city's own time zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${kpi-ledger.time-zone:Asia/Tokyo}") ZoneId zone) {
        return Clock.system(zone);
    }
}
