package org.kpiledger.tenants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.tenancy.TenantCode;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.accounts.PasswordRules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's tenants API: create a tenant with its administrator, list them, suspend and reactivate one. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants", description = "The municipalities this deployment hosts (OPERATOR)")
class TenantController {

    static final String FIRST_ADMINISTRATOR = "admin";

    private final TenantRegistry registry;
    private final PasswordEncoder passwords;

    TenantController(TenantRegistry registry, PasswordEncoder passwords) {
        this.registry = registry;
        this.passwords = passwords;
    }

    record Tenants(List<TenantRegistry.Tenant> tenants) {
    }

    @PostMapping
    @Operation(summary = "Create a tenant and its administrator 'admin' (OPERATOR); it starts empty")
    ResponseEntity<TenantRegistry.Tenant> create(@Valid @RequestBody TenantRequests.NewTenant request) {
        String tenantId = request.tenantId().strip();
        if (!TenantCode.isValid(tenantId)) {
            throw new InvalidFieldException("tenantId", "A tenant id is the six-digit 全国地方公共団体コード, whose last "
                    + "digit checks the first five (Shinagawa: 131091).");
        }
        String timeZone = request.timeZone().strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "A time zone is an IANA name, such as Asia/Tokyo.");
        }
        PasswordRules.check(request.adminPassword(), FIRST_ADMINISTRATOR, "adminPassword");
        TenantRegistry.Tenant tenant = registry.create(tenantId, request.name().strip(), timeZone,
                FIRST_ADMINISTRATOR, passwords.encode(request.adminPassword()), operator());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId)).body(tenant);
    }

    @GetMapping
    @Operation(summary = "Every tenant of the deployment, the default one included (OPERATOR)")
    Tenants list() {
        return new Tenants(registry.list());
    }

    @GetMapping("/{tenantId}")
    @Operation(summary = "One tenant (OPERATOR)")
    TenantRegistry.Tenant get(@PathVariable String tenantId) {
        return registry.find(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
    }

    @PutMapping("/{tenantId}/status")
    @Operation(summary = "Suspend (SUSPENDED) or reactivate (ACTIVE) a tenant (OPERATOR); a suspended tenant's "
            + "URLs answer 410")
    TenantRegistry.Tenant setStatus(@PathVariable String tenantId,
            @Valid @RequestBody TenantRequests.NewStatus request) {
        return registry.setStatus(tenantId, request.status(), operator());
    }

    private static String operator() {
        return LedgerPrincipal.current().orElseThrow().name();
    }
}
