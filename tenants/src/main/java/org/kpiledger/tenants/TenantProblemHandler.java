package org.kpiledger.tenants;

import org.kpiledger.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The tenants API's refusals as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantProblemHandler {

    @ExceptionHandler(TenantAlreadyExistsException.class)
    ResponseEntity<ProblemDetail> exists(TenantAlreadyExistsException e) {
        return ProblemType.TENANT_ALREADY_EXISTS.response(e.getMessage(), "tenantId");
    }

    @ExceptionHandler(TenantNotFoundException.class)
    ResponseEntity<ProblemDetail> unknown(TenantNotFoundException e) {
        return ProblemType.TENANT_NOT_FOUND.response(e.getMessage(), "tenantId");
    }

    @ExceptionHandler(DefaultTenantStaysActiveException.class)
    ResponseEntity<ProblemDetail> defaultTenant(DefaultTenantStaysActiveException e) {
        return ProblemType.DEFAULT_TENANT_STAYS_ACTIVE.response(e.getMessage(), "status");
    }
}
