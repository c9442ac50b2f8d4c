package org.kpiledger.query.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.stereotype.Component;

/**
 * A KPI's series across plans, read through its lineage from the KPI views as of an instant: for the API and for the
 * KPI page's chart. Nothing is copied between plans; each figure is read where it was recorded.
 */
@Component
public class KpiSeries {

    private final KpiProgressReader kpis;

    KpiSeries(KpiProgressReader kpis) {
        this.kpis = kpis;
    }

    /** The series ending with this KPI as of then; empty when the KPI was not registered by then. */
    public Optional<SeriesView> of(String kpiId, AsOf at) {
        Optional<KpiProgressView> next = forReader(kpis.one(kpiId, at));
        if (next.isEmpty()) {
            return Optional.empty();
        }
        List<KpiProgressView> chain = new ArrayList<>();
        while (next.isPresent() && chain.size() < 100) {
            KpiProgressView kpi = next.get();
            chain.add(kpi);
            next = kpi.lineage() == null ? Optional.empty() : forReader(kpis.one(kpi.lineage().continues(), at));
        }
        Collections.reverse(chain);
        List<SeriesView.Segment> segments = new ArrayList<>();
        List<SeriesView.Point> points = new ArrayList<>();
        long position = 0;
        for (KpiProgressView kpi : chain) {
            position = Math.max(position, kpi.position());
            LineageKind lineage = kpi.lineage() == null ? null : kpi.lineage().kind();
            boolean breakBefore = lineage == LineageKind.REDEFINED;
            String planId = kpi.strategy() == null ? null : kpi.strategy().planId();
            String code = kpi.strategy() == null ? kpi.kpiId() : kpi.strategy().code();
            segments.add(new SeriesView.Segment(kpi.kpiId(), planId, code, kpi.name(), kpi.unit(), lineage,
                    breakBefore, kpi.target(), kpi.retirement()));
            boolean first = true;
            // a figure held by the predecessor's KPI is its point, not this KPI's
            for (KpiProgressView.Actual actual : kpi.actuals().stream()
                    .filter(actual -> actual.recordedUnder() == null).toList()) {
                points.add(new SeriesView.Point(actual.fiscalYear(), actual.value(), kpi.kpiId(), planId, code,
                        kpi.target(), breakBefore && first));
                first = false;
            }
        }
        return Optional.of(new SeriesView(kpiId, segments, points, at.instant(), position));
    }

    /** The snapshot's KPI, without who recorded its figures for anonymous readers. */
    static Optional<KpiProgressView> forReader(KpiProgressReader.Snapshot snapshot) {
        return snapshot.kpis().stream().findFirst()
                .map(view -> LedgerPrincipal.current().isPresent() ? view : view.withoutActors());
    }
}
