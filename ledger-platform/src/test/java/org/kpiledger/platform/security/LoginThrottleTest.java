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
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(5), new Clock() {
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
    void letsFourFailuresPassAndMakesTheFifthWaitForTheWholeLockout() {
        fail("sato", OFFICE, 4);
        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();

        fail("sato", OFFICE, 1);

        assertThat(throttle.waitBefore("sato", OFFICE)).contains(Duration.ofMinutes(5));
    }

    @Test
    void locksOnlyTheAddressThatFailedNotTheAccountForEveryone() {
        fail("sato", OFFICE, 5);

        assertThat(throttle.waitBefore("sato", OFFICE)).isPresent();
        assertThat(throttle.waitBefore("sato", ELSEWHERE)).isEmpty();
        assertThat(throttle.waitBefore("suzuki", OFFICE)).isEmpty();
    }

    @Test
    void endsEachLockByItself() {
        fail("sato", OFFICE, 5);

        now = now.plus(Duration.ofMinutes(5));

        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();
        fail("sato", OFFICE, 1);
        assertThat(throttle.waitBefore("sato", OFFICE)).as("counting starts anew after a quiet lockout").isEmpty();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresFromThatAddress() {
        fail("sato", OFFICE, 4);

        throttle.succeeded("sato", OFFICE);
        fail("sato", OFFICE, 4);

        assertThat(throttle.waitBefore("sato", OFFICE)).isEmpty();
    }

    @Test
    void locksAnAddressThatGuessesAcrossManyAccounts() {
        IntStream.range(0, 20).forEach(n -> fail("user-" + n, OFFICE, 1));

        assertThat(throttle.waitBefore("someone-else", OFFICE)).contains(Duration.ofMinutes(5));
        assertThat(throttle.waitBefore("someone-else", ELSEWHERE)).isEmpty();
    }

    @Test
    void treatsAUsernameInAnyLetterCaseAsOneAccount() {
        fail("Sato", OFFICE, 3);
        fail("SATO", OFFICE, 2);

        assertThat(throttle.waitBefore("sato", OFFICE)).isPresent();
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }
}
