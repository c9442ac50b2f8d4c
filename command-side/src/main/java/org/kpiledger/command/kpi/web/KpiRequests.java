package org.kpiledger.command.kpi.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.LedgerText;

/**
 * Request bodies of the write API. Fiscal years may be written {@code 2018}, {@code "H30"}, {@code "令和元年度"}...
 * Every text field is {@link LedgerText}; {@code valueKind} may be left out, the unit then decides it, and so may
 * {@code strategy}: a KPI may stand alone, and {@code department}: a KPI may have no owner yet.
 */
public final class KpiRequests {

    private KpiRequests() {
    }

    record RegisterKpi(
            @NotNull KpiId kpiId,
            @NotBlank @LedgerText @Size(max = 500) String name,
            @NotBlank @LedgerText @Size(max = 64) String unit,
            @NotNull Accumulation accumulation,
            @NotNull Direction direction,
            ValueKind valueKind,
            @NotNull @Valid BaselineFigure baseline,
            @NotNull @Valid TargetFigure target,
            @Valid Placement strategy,
            Department department) {
    }

    /** The department that is to own the KPI. */
    record Ownership(@NotNull Department department) {
    }

    /** Where a KPI stands in a strategy: under measure {@code measureNumber} of policy {@code policyCode}. */
    record Placement(
            @NotNull PlanId planId,
            @NotBlank @LedgerText @Size(max = 32) String policyCode,
            @NotNull @Positive Integer measureNumber) {

        KpiPlacement toPlacement() {
            return new KpiPlacement(planId, policyCode, measureNumber);
        }
    }

    /** {@code value} is left out where the source has {@code —}: not measured yet. */
    record BaselineFigure(
            @NotNull FiscalYear fiscalYear,
            @Digits(integer = 15, fraction = 6) BigDecimal value,
            @LedgerText @Size(max = 200) String qualifier) {
    }

    record TargetFigure(
            @NotNull FiscalYear fiscalYear,
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
            @NotNull TargetComparator comparator) {
    }

    public record RecordActual(
            @NotNull FiscalYear fiscalYear,
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
            @LedgerText(multiLine = true) @Size(max = 2000) String note,
            @LedgerText @Size(max = 500) String evidenceReference) {
    }

    public record CorrectActual(
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
            @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason) {
    }

    record ReviseTarget(
            @NotNull FiscalYear fiscalYear,
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
            @NotNull TargetComparator comparator,
            @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
            @NotBlank @LedgerText @Size(max = 200) String decisionReference) {
    }

    record Retirement(
            @NotNull FiscalYear lastFiscalYear,
            @NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason,
            @NotBlank @LedgerText @Size(max = 200) String decisionReference) {
    }

    /** What a successful write answers: the KPI and its version after the change (also sent as the ETag). */
    /** A write's answer: the KPI's new version (also the ETag) and the global position of its last event. */
    record Accepted(KpiId kpiId, long version, long position) {
    }
}
