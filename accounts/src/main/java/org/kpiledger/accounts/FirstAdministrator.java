package org.kpiledger.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates the account {@code admin} on the first start, when there is no account at all, so that a fresh ledger can
 * be administered without touching the database. The password comes from {@code KPI_LEDGER_ADMIN_PASSWORD}; without
 * it one is generated and printed once, here, and never again. Two processes starting together on one database
 * create it once: the account table is locked while it is checked.
 */
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final LocalAccounts accounts;
    private final PasswordEncoder passwords;
    private final String configuredPassword;

    FirstAdministrator(LocalAccounts accounts, PasswordEncoder passwords, String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generatedPassword() : configuredPassword;
        if (!generated && (password.length() < 12 || password.getBytes(StandardCharsets.UTF_8).length > 72)) {
            throw new IllegalStateException(
                    "KPI_LEDGER_ADMIN_PASSWORD must be at least 12 characters and at most 72 bytes in UTF-8.");
        }
        if (!accounts.createFirstAdmin(USERNAME, passwords.encode(password))) {
            return;
        }
        if (generated) {
            log.info("""

                    ====================================================================
                    No account existed, so the administrator account was created:
                        username: {}
                        password: {}
                    This password is shown only this once. Change it with
                    PUT /api/v1/users/me/password, or set KPI_LEDGER_ADMIN_PASSWORD
                    before the first start next time.
                    ====================================================================""", USERNAME, password);
        } else {
            log.info("No account existed, so the administrator account '{}' was created with the password in "
                    + "KPI_LEDGER_ADMIN_PASSWORD.", USERNAME);
        }
    }

    private static String generatedPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
