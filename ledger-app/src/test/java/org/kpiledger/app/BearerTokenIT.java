package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.recordActual;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpiledger.LedgerApplication;
import org.kpiledger.app.LedgerHttp.Reply;

/**
 * Issue 8: bearer tokens of the city's identity provider, signed with a key this test creates and served as a JWK
 * set by a local HTTP server, the way Keycloak publishes its keys. The ledger is configured for Keycloak's claims:
 * the user in {@code preferred_username}, roles in {@code realm_access.roles}.
 */
class BearerTokenIT {

    private static final String ISSUER = "https://id.city.example/realms/shinagawa";
    private static final String AUDIENCE = "kpi-ledger";
    private static RSAKey signingKey;
    private static HttpServer identityProvider;
    private static LedgerProcesses processes;
    private static LedgerHttp ledger;
    private static LedgerHttp admin;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("city-key-1").generate();
        identityProvider = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        identityProvider.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        identityProvider.start();

        processes = new LedgerProcesses();
        admin = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:"
                        + identityProvider.getAddress().getPort() + "/certs",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                "--kpi-ledger.security.jwt.username-claim=preferred_username",
                "--kpi-ledger.security.jwt.roles-claim=realm_access.roles"));
        ledger = admin.anonymous();
        assertThat(admin.post("/api/v1/kpis", registerStartups("tokens", "sangyo")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
        identityProvider.stop(0);
    }

    @Test
    void acceptsAValidTokenAndRecordsItsUserDepartmentRolesAndHowTheySignedIn() {
        Reply recorded = ledger.withToken(signed(claims -> claims)).post("/api/v1/kpis/tokens/actuals",
                recordActual(2015, 9));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(processes.database().queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = 'tokens' and sequence_number = 2""", String.class))
                .contains("\"actor\":\"sato.hanako\"", "\"actorDepartment\":\"sangyo\"", "\"actorRoles\":\"STAFF\"",
                        "\"authMethod\":\"BEARER_TOKEN\"");
    }

    @Test
    void appliesTheDepartmentRuleToTheTokensDepartment() {
        Reply refused = ledger.withToken(signed(claims -> claims.claim("department", "kosodate")))
                .post("/api/v1/kpis/tokens/actuals", recordActual(2016, 10));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("reason").asString()).isEqualTo("OTHER_DEPARTMENT");
    }

    @Test
    void grantsOnlyTheRolesTheTokenCarries() {
        Reply refused = ledger.withToken(signed(claims -> claims.claim("realm_access",
                        Map.of("roles", List.of("offline_access", "committee")))))
                .post("/api/v1/kpis/tokens/actuals", recordActual(2016, 10));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("you have COMMITTEE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expired", "not yet valid", "another issuer", "another audience", "no user"})
    void refusesATokenThatIsNotForThisLedgerNow(String flaw) {
        UnaryOperator<JWTClaimsSet.Builder> broken = switch (flaw) {
            case "expired" -> claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))));
            case "not yet valid" -> claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
            case "another issuer" -> claims -> claims.issuer("https://id.elsewhere.example/realms/other");
            case "another audience" -> claims -> claims.audience("another-service");
            default -> claims -> claims.claim("preferred_username", null);
        };

        assertUnauthenticated(ledger.withToken(signed(broken)));
    }

    /** Issue 23: a token opens the tenant its tenant claim names, the default tenant's without one, and no other. */
    @Test
    void opensOnlyTheTenantItsTenantClaimNames() {
        String sapporo = "011002";
        assertThat(admin.post("/api/v1/tenants", json(Map.of("tenantId", sapporo, "name", "札幌市", "timeZone",
                "Asia/Tokyo", "adminPassword", "sapporo-kanrisha-pass-1"))).status()).isEqualTo(201);
        String sapporoAdmin = signed(claims -> claims.claim("tenant", sapporo)
                .claim("realm_access", Map.of("roles", List.of("admin"))));
        String defaultAdmin = signed(claims -> claims.claim("realm_access", Map.of("roles", List.of("admin"))));

        Reply atHome = ledger.underTenant(sapporo).withToken(sapporoAdmin).get("/api/v1/users");
        Reply elsewhere = ledger.withToken(sapporoAdmin).get("/api/v1/users");
        Reply defaultElsewhere = ledger.underTenant(sapporo).withToken(defaultAdmin).get("/api/v1/users");

        assertThat(atHome.status()).as(atHome.body()).isEqualTo(200);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemCode()).isEqualTo("CREDENTIAL_OF_ANOTHER_TENANT");
        assertThat(defaultElsewhere.problemCode()).isEqualTo("CREDENTIAL_OF_ANOTHER_TENANT");
        assertThat(ledger.withToken(signed(claims -> claims.claim("realm_access", Map.of("roles",
                List.of("operator"))))).get("/api/v1/tenants").status())
                .as("an identity provider cannot make an operator").isEqualTo(403);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("city-key-1").generate();

        assertUnauthenticated(ledger.withToken(signedWith(stranger, claims -> claims)));
    }

    @Test
    void refusesAnUnsignedToken() {
        String unsigned = new PlainJWT(validClaims().build()).serialize();

        assertUnauthenticated(ledger.withToken(unsigned));
    }

    @Test
    void refusesATokenWhoseSignatureWasCutOffOrWhosePayloadWasChanged() {
        String[] parts = signed(claims -> claims).split("\\.");
        String elevated = signed(claims -> claims.claim("realm_access", Map.of("roles", List.of("admin"))))
                .split("\\.")[1];

        assertUnauthenticated(ledger.withToken(parts[0] + "." + parts[1] + "."));
        assertUnauthenticated(ledger.withToken(parts[0] + "." + elevated + "." + parts[2]));
    }

    private static void assertUnauthenticated(LedgerHttp client) {
        long before = processes.eventCount();

        Reply refused = client.post("/api/v1/kpis/tokens/actuals", recordActual(2017, 11));

        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.problemCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.header("WWW-Authenticate")).anyMatch(challenge -> challenge.startsWith("Bearer "));
        assertThat(processes.eventCount()).isEqualTo(before);
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("5c1e0f6e-8a53-4b8e-9a0c-2f1d3c4b5a69")
                .claim("preferred_username", "sato.hanako")
                .claim("department", "sangyo")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "staff")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return signedWith(signingKey, claims);
    }

    private static String signedWith(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.apply(validClaims()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
