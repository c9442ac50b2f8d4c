package org.kpiledger.query.dashboard;

import org.kpiledger.integrity.chain.LedgerEventTypes;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.query.history.ChangeLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' page: the ledger-wide feed of changes, filtered and paged, and the integrity status where the
 * command side runs in this process (its health check); apart, the page links to the command side's report.
 */
@Controller
@LedgerPage
class AuditPage {

    private static final int PAGE_SIZE = 50;

    private final ChangeLog changeLog;
    private final ObjectProvider<HealthIndicator> integrity;

    AuditPage(ChangeLog changeLog, @Qualifier("integrityHealthIndicator") ObjectProvider<HealthIndicator> integrity) {
        this.changeLog = changeLog;
        this.integrity = integrity;
    }

    @GetMapping(value = "/audit", produces = MediaType.TEXT_HTML_VALUE)
    String audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String kpiId,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "0") long after,
            Model model) {
        ChangeLog.FeedFilter filter = new ChangeLog.FeedFilter(blankToNull(from), blankToNull(to),
                blankToNull(actor), blankToNull(kpiId), blankToNull(type));
        model.addAttribute("asOf", null);
        model.addAttribute("filter", filter);
        model.addAttribute("types", LedgerEventTypes.names().stream()
                .map(name -> name.replaceFirst("Event$", "")).toList());
        model.addAttribute("feed", changeLog.feed(filter, Math.max(0, after), PAGE_SIZE));
        HealthIndicator indicator = integrity.getIfAvailable();
        model.addAttribute("integrity", indicator == null ? null : indicator.health());
        return "audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
