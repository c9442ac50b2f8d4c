package org.kpiledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String OFFICE = "10.0.0.5";
    private static final String ELSEWHERE = "10.0.0.9";

    private Instant now = Instant.parse("2026-04-01T09:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, 10,
            Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1)), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Tokyo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void letsThreeFailuresPassThenMakesEachTryWaitTwiceAsLong() {
        fail("sato", OFFICE, 2);
        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();

        fail("sato", OFFICE, 1);
        assertThat(throttle.waitBefore("sato", OFFICE)).contains(Duration.ofSeconds(1));
        fail("sato", OFFICE, 1);
        assertThat(throttle.waitBefore("sato", OFFICE)).contains(Duration.ofSeconds(2));
        fail("sato", OFFICE, 1);
        assertThat(throttle.waitBefore("sato", OFFICE)).contains(Duration.ofSeconds(4));
    }

    @Test
    void neverMakesTheSameAddressWaitLongerThanTheLongestDelay() {
        fail("sato", OFFICE, 40);

        assertThat(throttle.waitBefore("sato", OFFICE)).contains(Duration.ofMinutes(15));
    }

    @Test
    void slowsTheAccountGuessedFromManyAddressesButNeverLocksIt() {
        IntStream.range(0, 40).forEach(n -> fail("admin", "10.1.0." + n, 1));

        assertThat(throttle.waitBefore("admin", "10.9.9.9")).contains(Duration.ofSeconds(30));
        now = now.plusSeconds(30);
        assertThat(throttle.waitBefore("admin", "10.9.9.9")).as("the account's own delay ends by itself").isEmpty();
    }

    @Test
    void neverLocksOutAnAddressThatFailedForOtherAccounts() {
        IntStream.range(0, 200).forEach(n -> fail("user-" + n, OFFICE, 1));

        assertThat(throttle.waitBefore("admin", OFFICE)).isEmpty();
        assertThat(throttle.waitBefore("someone-else", OFFICE)).isEmpty();
    }

    @Test
    void slowsOnlyTheAddressThatFailedWhileTheAccountsCountIsLow() {
        fail("sato", OFFICE, 5);

        assertThat(throttle.waitBefore("sato", OFFICE)).isPresent();
        assertThat(throttle.waitBefore("sato", ELSEWHERE)).isEmpty();
        assertThat(throttle.waitBefore("suzuki", OFFICE)).isEmpty();
    }

    @Test
    void forgetsFailuresAfterAQuietSpell() {
        fail("sato", OFFICE, 5);

        now = now.plus(Duration.ofHours(1));

        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();
        fail("sato", OFFICE, 1);
        assertThat(throttle.waitBefore("sato", OFFICE)).as("counting starts anew after a quiet spell").isEmpty();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresFromThatAddress() {
        fail("sato", OFFICE, 2);

        throttle.succeeded("sato", OFFICE);
        fail("sato", OFFICE, 2);

        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();
    }

    @Test
    void treatsAUsernameInAnyLetterCaseAsOneAccount() {
        fail("Sato", OFFICE, 2);
        fail("SATO", OFFICE, 1);

        assertThat(throttle.waitBefore("sato", OFFICE)).isPresent();
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }
}
