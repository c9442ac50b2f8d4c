package org.kpiledger.accounts;

import org.kpiledger.platform.security.LoginThrottledException;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The users API's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserProblemHandler {

    @ExceptionHandler(UserAlreadyExistsException.class)
    ResponseEntity<ProblemDetail> exists(UserAlreadyExistsException e) {
        return ProblemType.USER_ALREADY_EXISTS.response(e.getMessage(), "username");
    }

    @ExceptionHandler(UserNotFoundException.class)
    ResponseEntity<ProblemDetail> unknown(UserNotFoundException e) {
        return ProblemType.USER_NOT_FOUND.response(e.getMessage(), "username");
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemType.TOO_MANY_LOGIN_FAILURES.problem(e.getMessage(),
                        "currentPassword"));
    }

    @ExceptionHandler(OperatorOnlyException.class)
    ResponseEntity<ProblemDetail> operatorOnly(OperatorOnlyException e) {
        return ProblemType.OPERATOR_ONLY.response(e.getMessage(), e.field());
    }

    @ExceptionHandler(LastAdministratorException.class)
    ResponseEntity<ProblemDetail> lastAdministrator(LastAdministratorException e) {
        return ProblemType.LAST_ADMINISTRATOR.response(e.getMessage(), e.field());
    }
}
