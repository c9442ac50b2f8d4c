package org.kpiledger.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.kpiledger.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, and how they prove who they are. Local accounts in PostgreSQL sign in with HTTP Basic (API
 * clients) or the login form (browsers, with a session and CSRF tokens); when an issuer or JWK set is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), bearer tokens of the city's identity provider are accepted
 * as well. Who may call what is {@link EndpointAccess}'s table.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableWebSecurity
@Import({UserController.class, UserProblemHandler.class, LoginPageController.class})
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder ledgerPasswordEncoder() {
        return new MemoizingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    LocalAccounts localAccounts(JdbcTemplate jdbc, Clock clock) {
        return new LocalAccounts(jdbc, clock);
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock,
            @Value("${kpi-ledger.security.login-throttle.account-failures:5}") int accountFailures,
            @Value("${kpi-ledger.security.login-throttle.address-failures:50}") int addressFailures,
            @Value("${kpi-ledger.security.login-throttle.lockout:5m}") Duration lockout) {
        return new LoginThrottle(accountFailures, addressFailures, lockout, clock);
    }

    @Bean
    RoleHierarchy ledgerRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(LedgerRole.ADMIN.name())
                .implies(LedgerRole.PLANNER.name(), LedgerRole.AUDITOR.name(), LedgerRole.COMMITTEE.name(),
                        LedgerRole.STAFF.name())
                .build();
    }

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LocalAccounts accounts, PasswordEncoder passwords,
            LoginThrottle throttle, RoleHierarchy roleHierarchy, ObjectProvider<JwtDecoder> jwtDecoder,
            JsonMapper jsonMapper,
            @Value("${kpi-ledger.security.public-read:true}") boolean publicRead,
            @Value("${kpi-ledger.security.jwt.username-claim:sub}") String usernameClaim,
            @Value("${kpi-ledger.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${kpi-ledger.security.jwt.department-claim:department}") String departmentClaim) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        SecurityProblems problems = new SecurityProblems(new ProblemResponses(jsonMapper), decoder != null);
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
        SessionAccountCheck sessionAccountCheck = new SessionAccountCheck(accounts);
        http.authenticationManager(new ProviderManager(passwordLogin))
                .addFilterAfter(sessionAccountCheck, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorizeFromTable(authorize, publicRead, roleHierarchy))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems)
                        .authenticationDetailsSource(request -> new LoginDetails(request, AuthMethod.HTTP_BASIC)))
                .formLogin(form -> form
                        .authenticationDetailsSource(request -> new LoginDetails(request, AuthMethod.FORM_LOGIN))
                        .successHandler(sessionAccountCheck.rememberingTheAccount())
                        .failureHandler(formFailure)
                        .permitAll())
                .logout(logout -> logout.permitAll())
                .requestCache(cache -> cache.requestCache(PageRequests.returnAfterSignIn()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new TokenClaims(usernameClaim, rolesClaim, departmentClaim));
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        return http.build();
    }

    /**
     * A CSRF token is asked of what a browser could be tricked into sending: a write that would ride on a session
     * cookie, and the login form itself. A request with an {@code Authorization} header carries its own proof, and
     * one with neither header nor session is anonymous, refused as such (401), not as a forged form.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        return request.getSession(false) != null || "/login".equals(request.getServletPath());
    }

    private static void authorizeFromTable(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            boolean publicRead, RoleHierarchy roleHierarchy) {
        for (EndpointAccess.Rule rule : EndpointAccess.RULES) {
            authorize.requestMatchers(rule.matcher()).access(manager(rule, publicRead, roleHierarchy));
        }
        authorize.anyRequest().authenticated();
    }

    private static AuthorizationManager<RequestAuthorizationContext> manager(EndpointAccess.Rule rule,
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

    /**
     * On the first start, with no account at all, creates {@code admin} with the password in
     * {@code KPI_LEDGER_ADMIN_PASSWORD} or, without one, a generated password printed once to the log.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner firstAdministrator(LocalAccounts accounts, PasswordEncoder passwords,
            @Value("${kpi-ledger.security.admin-password:}") String adminPassword) {
        return new FirstAdministrator(accounts, passwords, adminPassword);
    }
}
