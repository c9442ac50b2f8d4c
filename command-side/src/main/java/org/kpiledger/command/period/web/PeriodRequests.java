package org.kpiledger.command.period.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.period.ReviewDecision;
import org.kpiledger.platform.web.LedgerText;

/** The bodies of the reporting cycle's write API; every text field is {@link LedgerText}. */
final class PeriodRequests {

    private PeriodRequests() {
    }

    record OpenPeriod(@NotNull FiscalYear fiscalYear, @NotNull LocalDate dueDate) {
    }

    /** A bulk of figures as JSON; each row is checked on its own and refused alone, so it is not validated here. */
    record Figures(@NotNull @Size(max = 20_000) List<FigureLine> figures) {
    }

    /** One row of a bulk, as sent (JSON, a CSV line or a sheet's row). */
    record FigureLine(
            @NotBlank @LedgerText @Size(max = 64) String kpiId,
            @NotNull BigDecimal value,
            @LedgerText(multiLine = true) @Size(max = 2000) String note,
            @LedgerText @Size(max = 500) String evidenceReference,
            @LedgerText(multiLine = true) @Size(max = 2000) String reason) {
    }

    record LateFigure(@NotNull KpiId kpiId, @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
                      @NotNull LocalDate expectedBy) {
    }

    record Review(@NotNull ReviewDecision decision, @LedgerText(multiLine = true) @Size(max = 4000) String comment) {
    }

    record Opinion(@NotBlank @LedgerText(multiLine = true) @Size(max = 8000) String text, KpiId kpiId,
                   Integer goal) {
    }

    record Publish(@NotBlank @LedgerText @Size(max = 200) String title) {
    }

    record Reopen(@NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
                  @NotBlank @LedgerText @Size(max = 200) String decisionReference,
                  @Size(max = 20_000) List<KpiId> kpiIds) {
    }

    /** What a step of the cycle did: the period, the KPIs it touched, and the position to read from. */
    record Stepped(String periodId, List<String> kpiIds, long position) {
    }
}
