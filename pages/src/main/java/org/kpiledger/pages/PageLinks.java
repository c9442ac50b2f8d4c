package org.kpiledger.pages;

/**
 * Where each side's pages are: empty when both sides run in one process (links stay on the same origin); the
 * other side's base URL when they run apart ({@code kpi-ledger.pages.query-side-url},
 * {@code kpi-ledger.pages.command-side-url}). Each process keeps its own sign-in.
 */
public record PageLinks(String querySide, String commandSide) {

    public PageLinks {
        querySide = withoutTrailingSlash(querySide);
        commandSide = withoutTrailingSlash(commandSide);
    }

    private static String withoutTrailingSlash(String url) {
        return url == null ? "" : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The KPI's page on the query side. */
    public String kpi(String kpiId) {
        return querySide + "/kpis/" + kpiId;
    }

    /** The form that records or corrects the KPI's actuals, on the command side. */
    public String entry(String kpiId) {
        return commandSide + "/entry/kpis/" + kpiId;
    }
}
