package org.kpiledger.app;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded cases for property tests in plain JUnit 5 parameterized tests. Each run draws a base seed (printed) unless
 * {@code -Dkpi-ledger.seed=N} fixes it; case i runs with seed base + i, which its display name shows. A failing case
 * replays alone with {@code -Dkpi-ledger.seed=<its seed> -Dkpi-ledger.cases=1}.
 */
final class Seeds {

    private Seeds() {
    }

    static Stream<Long> cases(int count) {
        Long fixed = Long.getLong("kpi-ledger.seed");
        long base = fixed != null ? fixed : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        int cases = Integer.getInteger("kpi-ledger.cases", count);
        System.out.printf("property cases: %d from seed %d (replay one with -Dkpi-ledger.seed=<seed> "
                + "-Dkpi-ledger.cases=1)%n", cases, base);
        return LongStream.range(base, base + cases).boxed();
    }

    @SafeVarargs
    static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** One of the generators, chosen with equal weight, applied. */
    @SafeVarargs
    static <T> T anyOf(Random random, Function<Random, T>... generators) {
        return generators[random.nextInt(generators.length)].apply(random);
    }

    static int between(Random random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Text of up to {@code maxLength} UTF-16 units drawn from the whole range, lone surrogates included. */
    static String anyText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            char next = Seeds.<Character>anyOf(random, r -> (char) between(r, 0x20, 0x7e),
                    r -> (char) between(r, 0, 0x1f), r -> (char) between(r, 0x3000, 0x9fff),
                    r -> (char) r.nextInt(0x10000));
            text.append(next);
        }
        return text.toString();
    }
}
