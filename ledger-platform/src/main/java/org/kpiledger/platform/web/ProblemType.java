package org.kpiledger.platform.web;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.GONE;
import static org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.TOO_MANY_REQUESTS;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * Every {@code code} a problem of this ledger can carry, with the status it is answered with (the first) and any
 * other it may be. Clients branch on these names: they are a contract and never change (docs/api.md lists them).
 * A status the framework answers without one of these (405, 406, 415...) carries the status's own name.
 */
public enum ProblemType {

    MALFORMED_REQUEST(BAD_REQUEST),
    INVALID_FIELD(BAD_REQUEST),
    INVALID_HEADER(BAD_REQUEST),
    MISSING_HEADER(BAD_REQUEST),
    INVALID_CATALOG(BAD_REQUEST),
    POSITION_AHEAD(BAD_REQUEST),
    UNAUTHENTICATED(UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** The reviewer of a submission is the person who submitted it (four eyes). */
    SAME_PERSON(HttpStatus.FORBIDDEN),
    CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN),
    /** A session, password or token of one tenant used under another tenant's prefix. */
    CREDENTIAL_OF_ANOTHER_TENANT(HttpStatus.FORBIDDEN),
    /** Granting OPERATOR, or changing an operator's account, by anybody but an operator. */
    OPERATOR_ONLY(HttpStatus.FORBIDDEN),
    TENANT_NOT_FOUND(NOT_FOUND),
    /** A path under a tenant's prefix that is served for the default tenant only so far. */
    TENANT_FEATURE_NOT_AVAILABLE(NOT_FOUND),
    /** Every request under a suspended tenant's prefix. */
    TENANT_SUSPENDED(GONE),
    TENANT_ALREADY_EXISTS(CONFLICT),
    /** The default tenant holds the deployment's operators: suspending it would lock everybody out. */
    DEFAULT_TENANT_STAYS_ACTIVE(CONFLICT),
    /** A rebuild asked of a query side that holds none of the projections' segments: another one does. */
    PROJECTIONS_HELD_ELSEWHERE(CONFLICT),
    KPI_NOT_FOUND(NOT_FOUND),
    STRATEGY_PART_NOT_FOUND(NOT_FOUND),
    STRATEGY_NOT_FOUND(NOT_FOUND),
    PUBLICATION_NOT_FOUND(NOT_FOUND),
    PERIOD_NOT_FOUND(NOT_FOUND),
    USER_NOT_FOUND(NOT_FOUND),
    POSITION_NOT_COVERED(NOT_FOUND),
    NO_CHECKPOINT(NOT_FOUND),
    KPI_ALREADY_REGISTERED(CONFLICT),
    ACTUAL_ALREADY_RECORDED(CONFLICT),
    ACTUAL_NOT_RECORDED(CONFLICT),
    FISCAL_YEAR_NOT_STARTED(CONFLICT),
    FISCAL_YEAR_BEFORE_BASELINE(CONFLICT),
    NOTHING_CHANGED(CONFLICT),
    CONCURRENT_MODIFICATION(CONFLICT),
    EVENT_UNREADABLE(CONFLICT),
    USER_ALREADY_EXISTS(CONFLICT),
    LAST_ADMINISTRATOR(CONFLICT),
    NOTHING_TO_ACKNOWLEDGE(CONFLICT),
    PERIOD_ALREADY_OPEN(CONFLICT),
    /** A scoring policy version that exists already (shipped or defined): a version never changes. */
    SCORING_POLICY_EXISTS(CONFLICT),
    /** The fiscal year's figure was published: it changes only after a recorded reopening. */
    PERIOD_LOCKED(CONFLICT),
    /** The department's figures of the year are submitted (or approved): they change only after a return. */
    SUBMISSION_UNDER_REVIEW(CONFLICT),
    SUBMISSION_INCOMPLETE(CONFLICT),
    /** A step of the reporting cycle the period's state does not allow (a review of nothing submitted...). */
    PERIOD_STEP_REFUSED(CONFLICT),
    KPI_NOT_IN_PLAN(CONFLICT),
    /** A figure of a year after a retired KPI's last year, or a retirement that figures of later years forbid. */
    KPI_RETIRED(CONFLICT),
    /** A KPI belongs to the plan it was first placed in; a successor plan continues it with a KPI of its own. */
    KPI_IN_ANOTHER_PLAN(CONFLICT),
    /** A figure of a year two plans cover, on the successor's KPI: the predecessor's KPI holds it, shown in both. */
    FIGURE_IN_LINEAGE(CONFLICT),
    /** A plan's period that would leave out a fiscal year its KPIs have actuals of. */
    ACTUALS_OUTSIDE_PERIOD(CONFLICT),
    IDEMPOTENCY_KEY_IN_USE(CONFLICT),
    /** A bulk of figures with a refused row: the body lists every row; nothing was stored. */
    FIGURES_REFUSED(UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_REUSED(UNPROCESSABLE_CONTENT),
    STALE_VERSION(PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(CONTENT_TOO_LARGE),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED),
    TOO_MANY_LOGIN_FAILURES(TOO_MANY_REQUESTS),
    INTERNAL_ERROR(INTERNAL_SERVER_ERROR),
    /** Writes refused while a break is unacknowledged (503); a checkpoint refused for the same reason (409). */
    LEDGER_INTEGRITY_BROKEN(SERVICE_UNAVAILABLE, CONFLICT),
    DATABASE_UNAVAILABLE(SERVICE_UNAVAILABLE),
    PROJECTION_BEHIND(SERVICE_UNAVAILABLE);

    private final List<HttpStatus> statuses;

    ProblemType(HttpStatus status, HttpStatus... alsoAnsweredWith) {
        this.statuses = Stream.concat(Stream.of(status), Stream.of(alsoAnsweredWith)).toList();
    }

    /** The status this problem is answered with. */
    public HttpStatus status() {
        return statuses.get(0);
    }

    public ProblemDetail problem(String detail, String field) {
        return ProblemCode.problem(status(), name(), detail, field);
    }

    /** The problem, answered with another of its statuses. */
    public ProblemDetail problem(HttpStatus status, String detail, String field) {
        if (!statuses.contains(status)) {
            throw new IllegalArgumentException(name() + " is never answered with " + status);
        }
        return ProblemCode.problem(status, name(), detail, field);
    }

    /** The problem as an exception a handler throws; Spring answers it as the problem. */
    public ErrorResponseException exception(String detail, String field) {
        return new ErrorResponseException(status(), problem(detail, field), null);
    }

    public ErrorResponseException exception(HttpStatus status, String detail, String field) {
        return new ErrorResponseException(status, problem(status, detail, field), null);
    }

    public <T> ResponseEntity<T> response(String detail, String field) {
        return ProblemCode.response(problem(detail, field));
    }
}
