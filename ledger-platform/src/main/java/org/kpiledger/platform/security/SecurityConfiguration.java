package org.kpiledger.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.web.ProblemResponses;
import org.kpiledger.platform.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, and how they prove who they are. Local accounts in PostgreSQL sign in with HTTP Basic (API
 * clients) or the login form (browsers, with a session and CSRF tokens); when an issuer or JWK set is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), bearer tokens of the city's identity provider are accepted
 * as well. Who may call what is the {@link AccessTable}, gathered from every feature's {@link AccessRules}.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@Import(LoginPageController.class)
public class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder ledgerPasswordEncoder() {
        return new MemoizingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock,
            @Value("${kpi-ledger.security.login-throttle.pair-free-failures:3}") int pairFreeFailures,
            @Value("${kpi-ledger.security.login-throttle.account-free-failures:10}") int accountFreeFailures,
            @Value("${kpi-ledger.security.login-throttle.first-delay:1s}") Duration firstDelay,
            @Value("${kpi-ledger.security.login-throttle.pair-max-delay:15m}") Duration pairMaxDelay,
            @Value("${kpi-ledger.security.login-throttle.account-max-delay:30s}") Duration accountMaxDelay,
            @Value("${kpi-ledger.security.login-throttle.forget-after:1h}") Duration forgetAfter) {
        return new LoginThrottle(new LoginThrottle.Policy(pairFreeFailures, accountFreeFailures, firstDelay,
                pairMaxDelay, accountMaxDelay, forgetAfter), clock);
    }

    @Bean
    RoleHierarchy ledgerRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(LedgerRole.OPERATOR.name()).implies(LedgerRole.ADMIN.name())
                .role(LedgerRole.ADMIN.name())
                .implies(LedgerRole.PLANNER.name(), LedgerRole.AUDITOR.name(), LedgerRole.COMMITTEE.name(),
                        LedgerRole.STAFF.name())
                .build();
    }

    /** The doors of the infrastructure: health, the API documents, sign-in, errors, static files. */
    @Bean
    AccessRules platformAccess() {
        return () -> List.of(
                AccessRule.open("/actuator/health", HttpMethod.GET),
                AccessRule.open("/actuator/health/**", HttpMethod.GET),
                AccessRule.open("/actuator/info", HttpMethod.GET),
                AccessRule.role(HttpMethod.GET, "/actuator/**", LedgerRole.ADMIN),
                AccessRule.read("/v3/api-docs"),
                AccessRule.read("/v3/api-docs.yaml"),
                AccessRule.read("/v3/api-docs/**"),
                AccessRule.read("/swagger-ui.html"),
                AccessRule.read("/swagger-ui/**"),
                AccessRule.open("/error", HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
                        HttpMethod.PATCH),
                AccessRule.open("/login", HttpMethod.GET, HttpMethod.POST),
                AccessRule.open("/logout", HttpMethod.POST),
                AccessRule.open("/css/**", HttpMethod.GET),
                AccessRule.open("/js/**", HttpMethod.GET),
                AccessRule.open("/webjars/**", HttpMethod.GET),
                AccessRule.open("/favicon.ico", HttpMethod.GET));
    }

    /** The rows of every feature, one table; the filter chain, refusals and the API document are built from it. */
    @Bean
    AccessTable accessTable(List<AccessRules> contributions) {
        return new AccessTable(contributions);
    }

    @Bean
    OpenApiCustomizer apiDocumentAccessAndProblems(AccessTable accessTable,
            @Value("${kpi-ledger.api.licence.name:Proprietary: the operating municipality's terms}") String licence,
            @Value("${kpi-ledger.api.licence.url:urn:kpi-ledger:licence:municipality-terms}") String licenceUrl) {
        return new ApiDocumentAccessAndProblems(accessTable, licence, licenceUrl);
    }

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ObjectProvider<AccountDirectory> directory,
            PasswordEncoder passwords,
            LoginThrottle throttle, RoleHierarchy roleHierarchy, ObjectProvider<JwtDecoder> jwtDecoder,
            JsonMapper jsonMapper, AccessTable accessTable, DefaultTenant defaultTenant,
            @Value("${kpi-ledger.security.public-read:true}") boolean publicRead,
            @Value("${kpi-ledger.security.jwt.username-claim:sub}") String usernameClaim,
            @Value("${kpi-ledger.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${kpi-ledger.security.jwt.department-claim:department}") String departmentClaim,
            @Value("${kpi-ledger.security.jwt.tenant-claim:tenant}") String tenantClaim) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        AccountDirectory accounts = directory.getIfAvailable(() -> AccountDirectory.NONE);
        SecurityProblems problems = new SecurityProblems(new ProblemResponses(jsonMapper), decoder != null,
                accessTable);
        var passwordLogin = new ThrottledPasswordAuthentication(accounts::loadForLogin, passwords, throttle);
        SimpleUrlAuthenticationFailureHandler formFailure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationException exception) throws IOException, ServletException {
                if (exception instanceof LoginThrottledException) {
                    problems.commence(request, response, exception);
                } else {
                    super.onAuthenticationFailure(request, response, exception);
                }
            }
        };
        SessionAccountCheck sessionAccountCheck = new SessionAccountCheck(accounts, defaultTenant);
        http.authenticationManager(new ProviderManager(passwordLogin))
                .addFilterAfter(sessionAccountCheck, SecurityContextHolderFilter.class)
                .addFilterBefore(new TenantCredentialCheck(defaultTenant, new ProblemResponses(jsonMapper)),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(authorize ->
                        authorizeFromTable(authorize, accessTable, publicRead, roleHierarchy))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems)
                        .authenticationDetailsSource(request -> new LoginDetails(request, AuthMethod.HTTP_BASIC)))
                .formLogin(form -> form
                        .authenticationDetailsSource(request -> new LoginDetails(request, AuthMethod.FORM_LOGIN))
                        .successHandler(sessionAccountCheck.rememberingTheAccount())
                        .failureHandler(formFailure))
                .requestCache(cache -> cache.requestCache(PageRequests.returnAfterSignIn()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new TokenClaims(usernameClaim, rolesClaim, departmentClaim, tenantClaim,
                    defaultTenant.id()));
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        return http.build();
    }

    /**
     * A CSRF token is asked of what a browser could be tricked into sending: every state-changing request that comes
     * with a session cookie, whatever other headers it carries, and the login form itself. One with neither session
     * nor cookie rides on no session: it is refused as anonymous (401), or authenticated by its own header.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return request.getRequestedSessionId() != null || request.getSession(false) != null
                || "/login".equals(request.getServletPath());
    }

    /** Each rule of the table in its order; whatever no rule names is refused. */
    private static void authorizeFromTable(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            AccessTable table, boolean publicRead, RoleHierarchy roleHierarchy) {
        for (AccessRule rule : table.rules()) {
            authorize.requestMatchers(rule::matches).access(manager(rule, publicRead, roleHierarchy));
        }
        authorize.anyRequest().denyAll();
    }

    private static AuthorizationManager<RequestAuthorizationContext> manager(AccessRule rule,
            boolean publicRead, RoleHierarchy roleHierarchy) {
        return switch (rule.access()) {
            case PUBLIC -> (authentication, context) -> new AuthorizationDecision(true);
            case READ -> publicRead
                    ? (authentication, context) -> new AuthorizationDecision(true)
                    : AuthenticatedAuthorizationManager.authenticated();
            case SIGNED_IN -> AuthenticatedAuthorizationManager.authenticated();
            case ROLE -> {
                AuthorityAuthorizationManager<RequestAuthorizationContext> roles = AuthorityAuthorizationManager
                        .hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
                roles.setRoleHierarchy(roleHierarchy);
                yield roles;
            }
        };
    }
}
