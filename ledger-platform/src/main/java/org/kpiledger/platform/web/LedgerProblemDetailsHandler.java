package org.kpiledger.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kpiledger.platform.events.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error that is not the domain's own into RFC 9457 problem details with a stable {@code code} and,
 * where one field is at fault, its name. Domain rule violations are mapped by each side's own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class LedgerProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Pattern REJECTED_HEADER = Pattern.compile("header: \"([A-Za-z0-9-]{1,64}) ?\"");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"");
    private static final Pattern IMPLEMENTATION_NAME =
            Pattern.compile("\\b(java|javax|jakarta|tools|org|com)\\.[a-z]|Exception|\\$");
    private static final Logger log = LoggerFactory.getLogger(LedgerProblemDetailsHandler.class);

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return ProblemType.INVALID_FIELD.response(e.getMessage(), e.field());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> invalidPathOrQueryValue(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof NumberFormatException) {
            return ProblemType.INVALID_FIELD.response(e.getName() + ": must be a whole number.", e.getName());
        }
        String detail = cause instanceof IllegalArgumentException && cause.getMessage() != null
                && !IMPLEMENTATION_NAME.matcher(cause.getMessage()).find()
                ? cause.getMessage()
                : e.getName() + ": is not a valid value.";
        return ProblemType.INVALID_FIELD.response(detail, e.getName());
    }

    @ExceptionHandler(MissingHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingHeaderException e) {
        return ProblemType.MISSING_HEADER.response(e.getMessage(), e.header());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return missingHeader(new MissingHeaderException(e.getHeaderName()));
    }

    /** A header value the firewall refuses (not ISO-8859-1 printable), seen when the handler first reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedHeader(RequestRejectedException e) {
        Matcher header = REJECTED_HEADER.matcher(String.valueOf(e.getMessage()));
        String name = header.find() ? header.group(1).strip() : null;
        return ProblemType.INVALID_HEADER.response((name == null ? "A header" : "The header " + name)
                + " holds characters a header may not carry; send printable ASCII.", name);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (unreadableEvent(e)) {
            log.error("A stored event cannot be read; writes to its stream are refused", e);
            return ProblemType.EVENT_UNREADABLE.response("The history of what "
                    + "this request writes to holds an event this release cannot read (its type or revision is "
                    + "unknown, or its data is damaged); nothing was recorded. Operators see it among the dead "
                    + "letters.", null);
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("The database is out of reach: {}", e.toString());
            return DatabaseUnavailable.response();
        }
        log.error("Unexpected error while handling a request", e);
        return ProblemType.INTERNAL_ERROR.response(
                "The ledger could not handle this request; nothing was recorded.", null);
    }

    private static boolean unreadableEvent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnreadableEventException
                    || cause instanceof org.axonframework.serialization.SerializationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String detail = errors.stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemType.INVALID_FIELD.problem(detail,
                errors.isEmpty() ? null : errors.get(0).getField());
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return ProblemCode.response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof Utf8CheckingJsonHttpMessageConverter.InvalidEncodingException) {
            return ProblemType.MALFORMED_REQUEST.response("The request body is not valid UTF-8.", null);
        }
        if (e.getCause() instanceof JacksonException jackson) {
            String duplicate = duplicateKey(jackson);
            if (duplicate != null) {
                String field = joined(fieldPath(jackson.getPath()), duplicate);
                return ProblemType.INVALID_FIELD.response(field + ": is given more than once.", field);
            }
            if (jackson instanceof UnrecognizedPropertyException unknown) {
                String field = fieldPath(jackson.getPath());
                return ProblemType.INVALID_FIELD.response(field + ": is not a field of this request (known: "
                                + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                                .collect(Collectors.joining(", ")) + ").", field);
            }
            if (jackson instanceof MismatchedInputException mismatch && !jackson.getPath().isEmpty()) {
                String field = fieldPath(jackson.getPath());
                return ProblemType.INVALID_FIELD.response(field + ": " + expectation(mismatch), field);
            }
        }
        return ProblemType.MALFORMED_REQUEST.response(
                "The request body is missing or is not one valid JSON object.", null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var results = e.getParameterValidationResults();
        String field = results.isEmpty() ? null : results.get(0).getMethodParameter().getParameterName();
        String detail = results.stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": "
                                + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return ProblemType.INVALID_FIELD.response(
                detail.isEmpty() ? "A request parameter is not valid." : detail, field);
    }

    /** Every other Spring MVC error keeps Spring's status and detail and gains a code named after the status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemCode.CODE)) {
                problem.setProperty(ProblemCode.CODE, ProblemCode.forStatus(status));
            }
            HttpHeaders writable = new HttpHeaders();
            writable.addAll(headers);
            writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, writable, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** What the field should have held, in the client's terms rather than Java's. */
    private static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has a value of the wrong kind.";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (target.getPackageName().startsWith("org.kpiledger.") && e.getOriginalMessage() != null
                && !IMPLEMENTATION_NAME.matcher(e.getOriginalMessage()).find()) {
            return e.getOriginalMessage();
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a JSON number.";
        }
        if (target == String.class) {
            return "must be a JSON string.";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false.";
        }
        return "has a value of the wrong kind.";
    }

    /** The key a strict parser found twice in one object, or {@code null} when that is not the failure. */
    private static String duplicateKey(JacksonException e) {
        Matcher matcher = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String joined(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A JSON path as the problem's {@code field} names it: {@code bands[0].grade}. */
    public static String fieldPath(List<JacksonException.Reference> path) {
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
