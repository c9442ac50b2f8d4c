package org.kpiledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kpiledger.platform.tenancy.CurrentTenant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down with growing delays, without handing anybody a way to lock people out. Failed
 * password checks (at sign-in, and of {@code currentPassword} when a password is changed) are counted per account
 * and client address, and per account alone. After {@code pairFreeFailures} failures of one account from one address,
 * the next try from there waits {@code firstDelay}, then twice as long after each further failure, up to
 * {@code pairMaxDelay}. The account as a whole, guessed at from many addresses, waits likewise after
 * {@code accountFreeFailures} failures but never longer than {@code accountMaxDelay}: slowed, never locked. No address
 * is refused as such, so a whole office behind one address is never locked out, the administrator included.
 *
 * <p>Counts are kept in memory, per process; failures are forgotten after {@code forgetAfter} without one.
 */
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    /** How many failures go free, and how the delays after them grow. */
    record Policy(int pairFreeFailures, int accountFreeFailures, Duration firstDelay, Duration pairMaxDelay,
            Duration accountMaxDelay, Duration forgetAfter) {
    }

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

    LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long this login must wait before it may be tried; empty when it may be tried now. */
    public Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> pair = allowedFrom(byAccountAndAddress.get(pair(username, address)),
                policy.pairFreeFailures(), policy.pairMaxDelay());
        Optional<Instant> account = allowedFrom(byAccount.get(account(username)), policy.accountFreeFailures(),
                policy.accountMaxDelay());
        return pair.map(until -> account.filter(other -> other.isAfter(until)).orElse(until)).or(() -> account)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (byAccountAndAddress.size() + byAccount.size() > MAX_TRACKED) {
            forgetQuiet(now);
        }
        byAccountAndAddress.compute(pair(username, address), (key, failures) -> Failures.after(failures, now, policy));
        byAccount.compute(account(username), (key, failures) -> Failures.after(failures, now, policy));
    }

    /** A right password forgets the failures from that address; the account's own count fades by itself. */
    public void succeeded(String username, String address) {
        byAccountAndAddress.remove(pair(username, address));
    }

    private Optional<Instant> allowedFrom(Failures failures, int free, Duration max) {
        if (failures == null || failures.count() < free) {
            return Optional.empty();
        }
        int doublings = Math.min(failures.count() - free, 30);
        Duration delay = policy.firstDelay().multipliedBy(1L << doublings);
        return Optional.of(failures.last().plus(delay.compareTo(max) > 0 ? max : delay));
    }

    private void forgetQuiet(Instant now) {
        byAccountAndAddress.values().removeIf(failures -> failures.quiet(now, policy));
        byAccount.values().removeIf(failures -> failures.quiet(now, policy));
        if (byAccountAndAddress.size() + byAccount.size() > MAX_TRACKED) {
            byAccountAndAddress.clear();
        }
    }

    /** An account is its tenant's: failures at {@code admin} of one tenant never slow down another's. */
    private static String account(String username) {
        return CurrentTenant.id().map(tenant -> tenant + "/").orElse("") + username.toLowerCase(Locale.ROOT);
    }

    private static String pair(String username, String address) {
        return account(username) + "\n" + address;
    }

    /** Failures in a row, the last one at {@code last}; a failure after a quiet spell starts anew. */
    private record Failures(int count, Instant last) {

        static Failures after(Failures previous, Instant now, Policy policy) {
            if (previous == null || previous.quiet(now, policy)) {
                return new Failures(1, now);
            }
            return new Failures(previous.count + 1, now);
        }

        boolean quiet(Instant now, Policy policy) {
            return !last.plus(policy.forgetAfter()).isAfter(now);
        }
    }
}
