package org.kpiledger.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.security.LoginThrottle;
import org.kpiledger.platform.security.LoginThrottledException;
import org.kpiledger.platform.web.InvalidFieldException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local accounts: administrators create them, change their roles and department, disable them and reset their
 * passwords; every user changes their own password. Each change is recorded with who made it, and
 * {@code GET /api/v1/users/changes} lists those records for administrators and auditors.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Local accounts and the record of every change to them")
class UserController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String OWN_ACCOUNT = "me";

    private final LocalAccounts accounts;
    private final PasswordEncoder passwords;

    private final LoginThrottle throttle;

    UserController(LocalAccounts accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    record Users(List<LocalAccounts.Account> users) {
    }

    record Changes(List<LocalAccounts.Change> changes) {
    }

    @PostMapping
    @Operation(summary = "Create an account (ADMIN)")
    ResponseEntity<LocalAccounts.Account> create(@Valid @RequestBody UserRequests.NewUser request) {
        String username = request.username().strip();
        if (!USERNAME.matcher(username).matches() || username.equals(OWN_ACCOUNT)) {
            throw new InvalidFieldException("username", "A username is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit, and not 'me'.");
        }
        requireDepartmentForStaff(request.roles(), request.department());
        requireOperatorToGrant(request.roles());
        LocalAccounts.Account account = accounts.create(username, hash(request.password(), username, "password"),
                request.roles(), code(request.department()), blankless(request.email()), actor());
        return ResponseEntity.created(URI.create("/api/v1/users/" + username)).body(account);
    }

    @GetMapping
    @Operation(summary = "Every account, without password hashes (ADMIN)")
    Users list() {
        return new Users(accounts.list());
    }

    @GetMapping("/changes")
    @Operation(summary = "Every change to accounts, oldest first: who changed whose rights, when (ADMIN, AUDITOR)")
    Changes changes(@RequestParam(required = false) String username,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldException("limit", "limit is 1 to 1000.");
        }
        return new Changes(accounts.changes(username, after, limit));
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account (ADMIN)")
    LocalAccounts.Account get(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> new UserNotFoundException(username));
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "Change an account's roles and department (ADMIN)")
    LocalAccounts.Account changeRoles(@PathVariable String username, @Valid @RequestBody UserRequests.Roles request) {
        requireDepartmentForStaff(request.roles(), request.department());
        requireOperatorToGrant(request.roles());
        requireOperatorToChange(username, "roles");
        if (!request.roles().contains(LedgerRole.ADMIN)) {
            requireAnother(LedgerRole.ADMIN, username, "roles");
        }
        if (!request.roles().contains(LedgerRole.OPERATOR)) {
            requireAnother(LedgerRole.OPERATOR, username, "roles");
        }
        return accounts.changeRoles(username, request.roles(), code(request.department()), actor());
    }

    @PutMapping("/{username}/email")
    @Operation(summary = "Set or remove the address an account's reminders go to (ADMIN)")
    LocalAccounts.Account setEmail(@PathVariable String username,
            @Valid @RequestBody UserRequests.EmailAddress request) {
        requireOperatorToChange(username, "email");
        return accounts.setEmail(username, blankless(request.email()), actor());
    }

    private static String blankless(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    @PutMapping("/{username}/enabled")
    @Operation(summary = "Disable or enable an account (ADMIN); a disabled account cannot sign in")
    LocalAccounts.Account setEnabled(@PathVariable String username, @Valid @RequestBody UserRequests.Enabled request) {
        requireOperatorToChange(username, "enabled");
        if (!request.enabled()) {
            requireAnother(LedgerRole.ADMIN, username, "enabled");
            requireAnother(LedgerRole.OPERATOR, username, "enabled");
        }
        return accounts.setEnabled(username, request.enabled(), actor());
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Set an account's password (ADMIN)")
    ResponseEntity<Void> setPassword(@PathVariable String username,
            @Valid @RequestBody UserRequests.NewPassword request) {
        accounts.find(username).orElseThrow(() -> new UserNotFoundException(username));
        requireOperatorToChange(username, "password");
        String stored = accounts.passwordHash(username).orElseThrow();
        requireChange(request.password(), stored, "password");
        accounts.changePassword(username, hash(request.password(), username, "password"), actor());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/me/password")
    @Operation(summary = "Change your own password, giving the current one (any local account)")
    ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody UserRequests.OwnPassword request,
            HttpServletRequest http) {
        String username = actor();
        String stored = accounts.passwordHash(username).orElseThrow(() -> new InvalidFieldException("currentPassword",
                "Only local accounts have a password here; change yours at your identity provider."));
        // a stolen session guessing at the current password is slowed down like a guess at the login; counted apart
        // from sign-ins, so that the session's own successful sign-ins do not forgive its guesses
        String guessesFrom = "current-password@" + http.getRemoteAddr();
        var wait = throttle.waitBefore(username, guessesFrom);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (!passwords.matches(request.currentPassword(), stored)) {
            throttle.failed(username, guessesFrom);
            throw new InvalidFieldException("currentPassword", "The current password is not right.");
        }
        throttle.succeeded(username, guessesFrom);
        requireChange(request.newPassword(), stored, "newPassword");
        accounts.changePassword(username, hash(request.newPassword(), username, "newPassword"), username);
        return ResponseEntity.noContent().build();
    }

    private String hash(String password, String username, String field) {
        PasswordRules.check(password, username, field);
        return passwords.encode(password);
    }

    private void requireChange(String password, String stored, String field) {
        if (passwords.matches(password, stored)) {
            throw new InvalidFieldException(field, "The new password must differ from the current one.");
        }
    }

    private static void requireDepartmentForStaff(Set<LedgerRole> roles, Department department) {
        if (roles.contains(LedgerRole.STAFF) && department == null) {
            throw new InvalidFieldException("department",
                    "Staff record figures for their department: an account with the role STAFF needs one.");
        }
    }

    private static void requireOperatorToGrant(Set<LedgerRole> roles) {
        if (roles.contains(LedgerRole.OPERATOR) && !LedgerPrincipal.current().orElseThrow().has(LedgerRole.OPERATOR)) {
            throw new OperatorOnlyException("roles");
        }
    }

    private void requireOperatorToChange(String username, String field) {
        boolean ofAnOperator = accounts.find(username)
                .map(account -> account.roles().contains(LedgerRole.OPERATOR)).orElse(false);
        if (ofAnOperator && !LedgerPrincipal.current().orElseThrow().has(LedgerRole.OPERATOR)) {
            throw new OperatorOnlyException(field);
        }
    }

    /** Refuses to take the role from the last enabled account that holds it: nobody could give it back. */
    private void requireAnother(LedgerRole role, String username, String field) {
        boolean holds = accounts.find(username).map(account -> account.roles().contains(role)
                && account.enabled()).orElse(false);
        if (holds && accounts.otherEnabledHolders(role, username) == 0) {
            throw new LastAdministratorException(role, field);
        }
    }

    private static String code(Department department) {
        return department == null ? null : department.code();
    }

    private static String actor() {
        return LedgerPrincipal.current().orElseThrow().name();
    }
}
