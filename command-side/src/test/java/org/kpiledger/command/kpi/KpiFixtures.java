package org.kpiledger.command.kpi;

import java.math.BigDecimal;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;

/** KPIs as Shinagawa City's 2015 strategy draft states them (basic policy 1-1). */
final class KpiFixtures {

    static final FiscalYear BASELINE_YEAR = FiscalYear.parse("平成26年度");
    static final FiscalYear TARGET_YEAR = FiscalYear.parse("平成31年度");

    /** 武蔵小山創業支援センター入居者のうち、区内で継続する事業者数(累計): 6事業者 → 21事業者. */
    static final KpiId STARTUPS = new KpiId("1-1-1-01");
    /** 立地継続支援事業利用件数(累計): no baseline yet (—) → 10件. */
    static final KpiId RELOCATION_SUPPORT = new KpiId("1-1-2-01");

    private KpiFixtures() {
    }

    static RegisterKpiCommand registerStartups() {
        return new RegisterKpiCommand(STARTUPS, "武蔵小山創業支援センター入居者のうち、区内で継続する事業者数", "事業者",
                Accumulation.CUMULATIVE, Direction.INCREASE,
                new Baseline(BASELINE_YEAR, Quantity.of("6", "事業者"), null),
                new Target(TARGET_YEAR, Quantity.of("21", "事業者"), TargetComparator.AT_LEAST), null);
    }

    static KpiRegisteredEvent startupsRegistered() {
        RegisterKpiCommand command = registerStartups();
        return new KpiRegisteredEvent(command.kpiId(), command.name(), command.unit(), command.accumulation(),
                command.direction(), command.baseline(), command.target(), ValueKind.COUNT);
    }

    static RegisterKpiCommand registerRelocationSupport() {
        return new RegisterKpiCommand(RELOCATION_SUPPORT, "立地継続支援事業利用件数", "件",
                Accumulation.CUMULATIVE, Direction.INCREASE,
                new Baseline(BASELINE_YEAR, null, "—"),
                new Target(TARGET_YEAR, Quantity.of("10", "件"), TargetComparator.AT_LEAST), null);
    }

    static ActualRecordedEvent startupsActual(int fiscalYear, String value) {
        return new ActualRecordedEvent(STARTUPS, FiscalYear.of(fiscalYear), Quantity.of(value, "事業者"), null, null);
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
