package org.kpiledger.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The Axon pieces both sides need beyond Axon's own auto-configuration. */
@AutoConfiguration
public class AxonPlatformConfiguration {

    /** Who issued a command: copied from the command's metadata into every event it causes. */
    public static final String ACTOR = "actor";

    /** Carries the actor from each command to its events; Axon's own provider already carries the correlation id. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /** Business time: which fiscal year is running is decided in the city's own time zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${kpi-ledger.time-zone:Asia/Tokyo}") ZoneId zone) {
        return Clock.system(zone);
    }
}
