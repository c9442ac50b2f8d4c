package org.kpiledger.query.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.query.history.ChangeComparison;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** What changed between two dates: each KPI whose figures differ, field by field, with downloads of the same. */
@Controller
@LedgerPage
class ChangesPage {

    private final ChangeComparison comparison;
    private final Clock clock;

    ChangesPage(ChangeComparison comparison, Clock clock) {
        this.comparison = comparison;
        this.clock = clock;
    }

    @GetMapping(value = "/changes", produces = MediaType.TEXT_HTML_VALUE)
    String changes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        model.addAttribute("asOf", null);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("today", LocalDate.now(clock).toString());
        if (from != null && !from.isBlank()) {
            model.addAttribute("result", comparison.between(from, to == null || to.isBlank() ? null : to));
            model.addAttribute("csvUrl", download("csv", from, to));
            model.addAttribute("xlsxUrl", download("xlsx", from, to));
        }
        return "changes";
    }

    private static String download(String format, String from, String to) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/api/v1/changes").queryParam("format", format)
                .queryParam("from", from);
        if (to != null && !to.isBlank()) {
            url.queryParam("to", to);
        }
        return url.build().encode().toUriString();
    }
}
