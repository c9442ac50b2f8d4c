package org.kpiledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TokenClaimsTest {

    private final TokenClaims keycloak = new TokenClaims("preferred_username", "realm_access.roles", "department",
            "tenant", "131091");

    @Test
    void readsTheUserTheirDepartmentAndTheLedgerRolesAmongOthers() {
        LedgerPrincipal principal = read(keycloak, claims -> claims.claim("preferred_username", "sato.hanako")
                .claim("department", "sangyo")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "staff", "Planner"))));

        assertThat(principal).isEqualTo(new LedgerPrincipal("sato.hanako", "sangyo",
                Set.of(LedgerRole.STAFF, LedgerRole.PLANNER), AuthMethod.BEARER_TOKEN));
    }

    @Test
    void readsRolesGivenAsOneStringAndTheSubjectByDefault() {
        LedgerPrincipal principal = read(new TokenClaims("sub", "scope", "department", "tenant", "131091"),
                claims -> claims.claim("scope", "openid auditor committee"));

        assertThat(principal.name()).isEqualTo("5c1e0f6e");
        assertThat(principal.roles()).containsExactlyInAnyOrder(LedgerRole.AUDITOR, LedgerRole.COMMITTEE);
        assertThat(principal.department()).isNull();
    }

    @Test
    void grantsNoRoleWhenTheClaimIsMissingOrOfAnotherShape() {
        assertThat(read(keycloak, claims -> claims.claim("preferred_username", "guest")).roles()).isEmpty();
        assertThat(read(keycloak, claims -> claims.claim("preferred_username", "guest")
                .claim("realm_access", "admin")).roles()).isEmpty();
    }

    @Test
    void refusesATokenWithoutAUsableUserOrDepartment() {
        assertThatThrownBy(() -> read(keycloak, claims -> claims.claim("department", "sangyo")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> read(keycloak, claims -> claims.claim("preferred_username", "sato\u0000")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> read(keycloak, claims -> claims.claim("preferred_username", "sato")
                .claim("department", "産業振興課")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void takesTheTenantFromItsClaimOrTheDefaultTenantWithout() {
        assertThat(tenantOf(claims -> claims.claim("preferred_username", "sato").claim("tenant", "011002")))
                .isEqualTo("011002");
        assertThat(tenantOf(claims -> claims.claim("preferred_username", "sato"))).isEqualTo("131091");
        assertThatThrownBy(() -> tenantOf(claims -> claims.claim("preferred_username", "sato")
                .claim("tenant", "131092"))).as("the check digit of Shinagawa's code is 1")
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void neverMakesAnOperatorOfATokensHolder() {
        assertThat(read(keycloak, claims -> claims.claim("preferred_username", "root")
                .claim("realm_access", Map.of("roles", List.of("OPERATOR", "ADMIN")))).roles())
                .containsExactly(LedgerRole.ADMIN);
    }

    private String tenantOf(Consumer<Jwt.Builder> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("5c1e0f6e");
        claims.accept(jwt);
        return ((BearerTokenPrincipal) keycloak.convert(jwt.build())).tenant();
    }

    private static LedgerPrincipal read(TokenClaims reader, Consumer<Jwt.Builder> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("5c1e0f6e");
        claims.accept(jwt);
        return ((BearerTokenPrincipal) reader.convert(jwt.build())).ledgerPrincipal();
    }
}
