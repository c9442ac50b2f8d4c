package org.kpiledger.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * The scoring policies the ledger ships, read from {@code scoring/*.json} on the class path, and with
 * {@link #with(Collection)} those a city defined. The default, in force for a strategy that adopted none, is
 * {@code pro-rata-3} version 1.
 */
public final class ScoringPolicies {

    public static final String DEFAULT_ID = "pro-rata-3";
    public static final int DEFAULT_VERSION = 1;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final Map<String, ScoringPolicy> byKey = new LinkedHashMap<>();

    private ScoringPolicies(List<ScoringPolicy> policies) {
        policies.stream().sorted(Comparator.comparing(ScoringPolicy::id).thenComparing(ScoringPolicy::version))
                .forEach(policy -> byKey.put(key(policy.id(), policy.version()), policy));
    }

    /** These policies and the ones a city defined (which never replace a shipped id and version). */
    public ScoringPolicies with(Collection<ScoringPolicy> defined) {
        List<ScoringPolicy> all = new ArrayList<>(byKey.values());
        defined.stream().filter(policy -> !byKey.containsKey(key(policy.id(), policy.version()))).forEach(all::add);
        return new ScoringPolicies(all);
    }

    /** Whether the ledger ships this policy version (a city cannot define it again). */
    public boolean ships(String id, int version) {
        return byKey.containsKey(key(id, version));
    }

    /** A policy in the form of the shipped ones, read strictly: an unknown field is refused, not ignored. */
    public static ScoringPolicy parse(String json) {
        return STRICT.readValue(json, ScoringPolicy.class);
    }

    /** The policy as it is stored in the event that defines it. */
    public static String write(ScoringPolicy policy) {
        return STRICT.writeValueAsString(policy);
    }

    public static ScoringPolicies shipped() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:scoring/*.json");
            return new ScoringPolicies(Arrays.stream(files).map(file -> {
                try (InputStream in = file.getInputStream()) {
                    return STRICT.readValue(in, ScoringPolicy.class);
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
