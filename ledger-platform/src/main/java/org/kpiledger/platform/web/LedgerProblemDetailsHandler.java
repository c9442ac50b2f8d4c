package org.kpiledger.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error that is not the domain's own into RFC 9457 problem details with a stable {@code code} and,
 * where one field is at fault, its name. Domain rule violations are mapped by each side's own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class LedgerProblemDetailsHandler extends ResponseEntityExceptionHandler {

    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String MISSING_HEADER = "MISSING_HEADER";

    private static final Logger log = LoggerFactory.getLogger(LedgerProblemDetailsHandler.class);

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return badRequest(INVALID_FIELD, e.getMessage(), e.field());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> invalidPathOrQueryValue(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        return badRequest(INVALID_FIELD, cause.getMessage(), e.getName());
    }

    @ExceptionHandler(MissingHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingHeaderException e) {
        return badRequest(MISSING_HEADER, e.getMessage(), e.header());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return missingHeader(new MissingHeaderException(e.getHeaderName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        return ResponseEntity.internalServerError().body(ProblemCode.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR", "The ledger could not handle this request; nothing was recorded.", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String detail = errors.stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemCode.problem(HttpStatus.BAD_REQUEST, INVALID_FIELD, detail,
                errors.isEmpty() ? null : errors.get(0).getField());
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = fieldPath(jackson.getPath());
            return ResponseEntity.badRequest().body(ProblemCode.problem(HttpStatus.BAD_REQUEST, INVALID_FIELD,
                    field + ": " + jackson.getOriginalMessage(), field));
        }
        return ResponseEntity.badRequest().body(ProblemCode.problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON.", null));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var results = e.getParameterValidationResults();
        String field = results.isEmpty() ? null : results.get(0).getMethodParameter().getParameterName();
        return ResponseEntity.badRequest().body(ProblemCode.problem(HttpStatus.BAD_REQUEST, INVALID_FIELD,
                e.getMessage(), field));
    }

    /** Every other Spring MVC error keeps Spring's status and detail and gains a code named after the status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(ProblemCode.CODE, ProblemCode.forStatus(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String code, String detail, String field) {
        return ResponseEntity.badRequest().body(ProblemCode.problem(HttpStatus.BAD_REQUEST, code, detail, field));
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
