package org.kpiledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down without handing an attacker a way to lock people out. Failed logins are counted per
 * account <em>and client address</em> and per client address alone: after {@code accountFailures} failures of one
 * account from one address, that address may not try that account again for {@code lockout}; after
 * {@code addressFailures} failures from one address, whatever the account, the address waits as long. The account
 * stays open from every other address, so nobody can lock a colleague out, and each lock ends by itself.
 *
 * <p>Counts are kept in memory, per process; a failure older than the lockout is forgotten.
 */
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int accountFailures;
    private final int addressFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(int accountFailures, int addressFailures, Duration lockout, Clock clock) {
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long this login must wait before it may be tried; empty when it may be tried now. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        return latest(lockedUntil(byAccountAndAddress.get(pair(username, address)), accountFailures, now),
                lockedUntil(byAddress.get(address), addressFailures, now))
                .map(until -> Duration.between(now, until));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (byAccountAndAddress.size() + byAddress.size() > MAX_TRACKED) {
            forgetExpired(now);
        }
        byAccountAndAddress.compute(pair(username, address), (key, failures) -> Failures.after(failures, now, lockout));
        byAddress.compute(address, (key, failures) -> Failures.after(failures, now, lockout));
    }

    void succeeded(String username, String address) {
        byAccountAndAddress.remove(pair(username, address));
    }

    private Optional<Instant> lockedUntil(Failures failures, int limit, Instant now) {
        if (failures == null || failures.count() < limit) {
            return Optional.empty();
        }
        Instant until = failures.last().plus(lockout);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    private static Optional<Instant> latest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.filter(until -> until.isAfter(first.get())).or(() -> first);
    }

    private void forgetExpired(Instant now) {
        byAccountAndAddress.values().removeIf(failures -> failures.expired(now, lockout));
        byAddress.values().removeIf(failures -> failures.expired(now, lockout));
        if (byAccountAndAddress.size() + byAddress.size() > MAX_TRACKED) {
            byAccountAndAddress.clear();
        }
    }

    private static String pair(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\n" + address;
    }

    /** Failures in a row, the last one at {@code last}; a failure after a quiet lockout period starts anew. */
    private record Failures(int count, Instant last) {

        static Failures after(Failures previous, Instant now, Duration lockout) {
            if (previous == null || previous.expired(now, lockout)) {
                return new Failures(1, now);
            }
            return new Failures(previous.count + 1, now);
        }

        boolean expired(Instant now, Duration lockout) {
            return !last.plus(lockout).isAfter(now);
        }
    }
}
