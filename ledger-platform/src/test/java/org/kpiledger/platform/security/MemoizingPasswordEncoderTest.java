package org.kpiledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class MemoizingPasswordEncoderTest {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final MemoizingPasswordEncoder encoder = new MemoizingPasswordEncoder(new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    });

    @Test
    void checksARightPasswordSlowlyOnceThenRemembersIt() {
        String hash = encoder.encode("sato-sangyo-2015");

        assertThat(encoder.matches("sato-sangyo-2015", hash)).isTrue();
        assertThat(encoder.matches("sato-sangyo-2015", hash)).isTrue();

        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void checksEveryWrongPasswordSlowly() {
        String hash = encoder.encode("sato-sangyo-2015");

        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(encoder.matches("guess", hash)).isFalse();

        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void forgetsAPasswordOnceTheStoredHashChanges() {
        String old = encoder.encode("sato-sangyo-2015");
        assertThat(encoder.matches("sato-sangyo-2015", old)).isTrue();

        String changed = encoder.encode("sato-sangyo-2016");

        assertThat(encoder.matches("sato-sangyo-2015", changed)).isFalse();
        assertThat(encoder.matches("sato-sangyo-2016", changed)).isTrue();
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void storesBcryptHashesMarkedWithTheirAlgorithm() {
        assertThat(encoder.encode("sato-sangyo-2015")).startsWith("{bcrypt}$2a$10$");
    }
}
