package org.kpiledger.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds RFC 9457 problem details with the two members clients rely on besides the status: a stable
 * {@code code} to branch on and, where one field is at fault, its name in {@code field}.
 */
public final class ProblemCode {

    public static final String CODE = "code";
    public static final String FIELD = "field";

    private ProblemCode() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kpi-ledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty(CODE, code);
        if (field != null) {
            problem.setProperty(FIELD, field);
        }
        return problem;
    }

    /**
     * The answer carrying a problem, typed {@code application/problem+json} outright: a problem is always written,
     * also when the request's {@code Accept} header cannot be read or names other types.
     */
    @SuppressWarnings("unchecked")
    public static <T> ResponseEntity<T> response(ProblemDetail problem) {
        return (ResponseEntity<T>) ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The code for a status that no more specific handler gave one: {@code 415} is {@code UNSUPPORTED_MEDIA_TYPE}. */
    public static String forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
