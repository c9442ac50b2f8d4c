package org.kpiledger.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring policies the ledger ships, read from {@code scoring/*.json} on the class path. The default, in force
 * for a strategy that adopted none, is {@code pro-rata-3} version 1.
 */
public final class ScoringPolicies {

    public static final String DEFAULT_ID = "pro-rata-3";
    public static final int DEFAULT_VERSION = 1;

    private final Map<String, ScoringPolicy> byKey = new LinkedHashMap<>();

    private ScoringPolicies(List<ScoringPolicy> policies) {
        policies.stream().sorted(Comparator.comparing(ScoringPolicy::id).thenComparing(ScoringPolicy::version))
                .forEach(policy -> byKey.put(key(policy.id(), policy.version()), policy));
    }

    public static ScoringPolicies shipped() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:scoring/*.json");
            return new ScoringPolicies(Arrays.stream(files).map(file -> {
                try (InputStream in = file.getInputStream()) {
                    return json.readValue(in, ScoringPolicy.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ScoringPolicy> find(String id, int version) {
        return Optional.ofNullable(byKey.get(key(id, version)));
    }

    public ScoringPolicy defaultPolicy() {
        return find(DEFAULT_ID, DEFAULT_VERSION).orElseThrow();
    }

    public List<ScoringPolicy> all() {
        return List.copyOf(byKey.values());
    }

    private static String key(String id, int version) {
        return id + "@" + version;
    }
}
