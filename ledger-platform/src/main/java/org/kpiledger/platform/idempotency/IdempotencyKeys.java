package org.kpiledger.platform.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys clients sent with their writes, per user, with the request's fingerprint and, once answered, the answer.
 * Each statement commits on its own: a key is claimed before the write runs and completed after it answered.
 */
class IdempotencyKeys {

    /** A key already claimed: its request's fingerprint and, when the first request has answered, its answer. */
    record Claimed(String fingerprint, Answer answer) {
    }

    /** A stored answer, replayed as it was. */
    record Answer(int status, String contentType, String location, String entityTag, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration abandonedAfter;

    IdempotencyKeys(JdbcTemplate jdbc, Duration retention, Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    /**
     * Claims the key for this request; empty when it was free (then the request runs), else what the key holds. Keys
     * past their retention, and claims whose request never answered (a process that died under it), are let go
     * first.
     */
    Optional<Claimed> claim(String principal, String key, String fingerprint) {
        expire();
        jdbc.update("delete from idempotency_key where principal = ? and idempotency_key = ? "
                + "and response_status is null and created_at < now() - ?::interval", principal, key,
                interval(abandonedAfter));
        int claimed = jdbc.update("insert into idempotency_key (principal, idempotency_key, fingerprint, created_at) "
                + "values (?, ?, ?, now()) on conflict do nothing", principal, key, fingerprint);
        if (claimed == 1) {
            return Optional.empty();
        }
        List<Claimed> found = jdbc.query("select fingerprint, response_status, content_type, location, entity_tag, "
                + "body from idempotency_key where principal = ? and idempotency_key = ?", (row, n) ->
                new Claimed(row.getString(1), row.getObject(2) == null ? null : new Answer(row.getInt(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getBytes(6))), principal, key);
        // released between the insert and this read: the caller may try once more
        return found.isEmpty() ? claim(principal, key, fingerprint) : Optional.of(found.get(0));
    }

    void complete(String principal, String key, Answer answer) {
        jdbc.update("update idempotency_key set response_status = ?, content_type = ?, location = ?, entity_tag = ?, "
                + "body = ?, completed_at = now() where principal = ? and idempotency_key = ?", answer.status(),
                answer.contentType(), answer.location(), answer.entityTag(), answer.body(), principal, key);
    }

    /** Lets the key go: the request failed in a way a retry should run again (a server error, a conflict). */
    void release(String principal, String key) {
        jdbc.update("delete from idempotency_key where principal = ? and idempotency_key = ?", principal, key);
    }

    /** Forgets every key past its retention (an index range at the table's old end). */
    private void expire() {
        jdbc.update("delete from idempotency_key where created_at < now() - ?::interval", interval(retention));
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
