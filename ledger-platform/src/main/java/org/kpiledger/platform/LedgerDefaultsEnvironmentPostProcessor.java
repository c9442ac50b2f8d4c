package org.kpiledger.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Puts the settings every kpi-ledger process needs (Jackson 3 serializers, the bytea dialect, Flyway-owned
 * schema) beneath everything else, so that each side runs correctly with no configuration of its own and any
 * of them can still be overridden. Also switches off Axon's update checker, which reads only system properties
 * and environment variables, unless the operator has said otherwise.
 */
public class LedgerDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String UPDATE_CHECKER_PROPERTY = "axoniq.update-checker.disabled";
    private static final String UPDATE_CHECKER_VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";
    private static final String DEFAULTS = "kpi-ledger-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(DEFAULTS, new ClassPathResource(DEFAULTS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getProperty(UPDATE_CHECKER_PROPERTY) == null && System.getenv(UPDATE_CHECKER_VARIABLE) == null) {
            System.setProperty(UPDATE_CHECKER_PROPERTY, environment.getProperty(UPDATE_CHECKER_PROPERTY, "true"));
        }
    }
}
