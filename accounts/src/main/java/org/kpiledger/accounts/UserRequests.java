package org.kpiledger.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.web.LedgerText;

/** Request bodies of the users API. A password is never answered, logged or put in an event. */
final class UserRequests {

    private UserRequests() {
    }

    record NewUser(
            @NotBlank @LedgerText String username,
            @NotBlank @LedgerText String password,
            @NotEmpty Set<@NotNull LedgerRole> roles,
            Department department,
            @Email @LedgerText @Size(max = 254) String email) {
    }

    /** The address reminders go to; null removes it. */
    record EmailAddress(@Email @LedgerText @Size(max = 254) String email) {
    }

    record Roles(@NotEmpty Set<@NotNull LedgerRole> roles, Department department) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    record NewPassword(@NotBlank @LedgerText String password) {
    }

    record OwnPassword(@NotBlank @LedgerText String currentPassword, @NotBlank @LedgerText String newPassword) {
    }
}
