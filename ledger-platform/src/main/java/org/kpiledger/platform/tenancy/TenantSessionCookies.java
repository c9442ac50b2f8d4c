package org.kpiledger.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.session.web.http.CookieSerializer;

/**
 * Each tenant's browser session in a cookie of its own name: the default tenant's keeps the configured name
 * ({@code SESSION}), another tenant's is that name with its id ({@code SESSION_011002}). The default tenant's cookie
 * has the path {@code /}, which every tenant's URLs lie under: under one name, a browser signed in to the default
 * tenant would present that session under {@code /t/{tenantId}/} and could not sign in to the tenant beside it.
 */
public class TenantSessionCookies implements CookieSerializer {

    private final DefaultTenant defaultTenant;
    private final String defaultName;
    private final Function<String, CookieSerializer> serializerNamed;
    private final Map<String, CookieSerializer> byTenant = new ConcurrentHashMap<>();

    /** @param serializerNamed a serializer configured as the deployment says, writing a cookie of the given name */
    public TenantSessionCookies(DefaultTenant defaultTenant, String defaultName,
            Function<String, CookieSerializer> serializerNamed) {
        this.defaultTenant = defaultTenant;
        this.defaultName = defaultName;
        this.serializerNamed = serializerNamed;
    }

    /** The session cookie's name under the given tenant's URLs. */
    public String nameFor(String tenantId) {
        return defaultTenant.is(tenantId) ? defaultName : defaultName + "_" + tenantId;
    }

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        ofCurrentTenant().writeCookieValue(cookieValue);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return ofCurrentTenant().readCookieValues(request);
    }

    private CookieSerializer ofCurrentTenant() {
        return byTenant.computeIfAbsent(defaultTenant.current(), tenant -> serializerNamed.apply(nameFor(tenant)));
    }
}
