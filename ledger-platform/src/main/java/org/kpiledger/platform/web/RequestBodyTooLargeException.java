package org.kpiledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request body over the configured limit; answered with 413 and nothing acted upon. */
class RequestBodyTooLargeException extends ErrorResponseException {

    RequestBodyTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(maxBytes), null);
    }

    static ProblemDetail problem(long maxBytes) {
        return ProblemType.PAYLOAD_TOO_LARGE.problem(
                "The request body may be at most " + maxBytes + " bytes long.", null);
    }
}
