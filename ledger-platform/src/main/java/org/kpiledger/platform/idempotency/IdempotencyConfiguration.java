package org.kpiledger.platform.idempotency;

import java.time.Duration;
import org.kpiledger.platform.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys on every write of the API, kept {@code kpi-ledger.idempotency.retention} (24 h) per user; a
 * claim whose request never answered (its process died) is let go after
 * {@code kpi-ledger.idempotency.abandoned-after} (5 min).
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class IdempotencyConfiguration {

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc,
            @Value("${kpi-ledger.idempotency.retention:24h}") Duration retention,
            @Value("${kpi-ledger.idempotency.abandoned-after:5m}") Duration abandonedAfter) {
        return new IdempotencyKeys(jdbc, retention, abandonedAfter);
    }

    /** After the security filter chain (order -100): the user is known and the access table has let them in. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, new ProblemResponses(json)));
        registration.setOrder(0);
        return registration;
    }
}
