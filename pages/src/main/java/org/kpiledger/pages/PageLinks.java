package org.kpiledger.pages;

import org.kpiledger.platform.tenancy.CurrentTenant;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where each side's pages are, as the current request reaches them. Both sides in one process: on the same origin,
 * under the request's context path, which carries the tenant's prefix ({@code /t/011002}). Apart: under the other
 * side's base URL ({@code kpi-ledger.pages.query-side-url}, {@code kpi-ledger.pages.command-side-url}) with the same
 * tenant's prefix. A link of a tenant's page never leads to another tenant's. Each process keeps its own sign-in.
 */
public final class PageLinks {

    private final String querySideUrl;
    private final String commandSideUrl;

    public PageLinks(String querySideUrl, String commandSideUrl) {
        this.querySideUrl = withoutTrailingSlash(querySideUrl);
        this.commandSideUrl = withoutTrailingSlash(commandSideUrl);
    }

    private static String withoutTrailingSlash(String url) {
        return url == null ? "" : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where the query side's pages are for this request; every page path follows it. */
    public String querySide() {
        return base(querySideUrl);
    }

    /** Where the command side's pages and API are for this request. */
    public String commandSide() {
        return base(commandSideUrl);
    }

    /** The KPI's page on the query side. */
    public String kpi(String kpiId) {
        return querySide() + "/kpis/" + kpiId;
    }

    /** The form that records or corrects the KPI's actuals, on the command side. */
    public String entry(String kpiId) {
        return commandSide() + "/entry/kpis/" + kpiId;
    }

    private static String base(String sideUrl) {
        if (!sideUrl.isEmpty()) {
            return sideUrl + CurrentTenant.id().map(tenant -> "/t/" + tenant).orElse("");
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getContextPath() : "";
    }
}
