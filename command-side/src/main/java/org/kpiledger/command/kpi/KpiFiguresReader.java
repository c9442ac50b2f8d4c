package org.kpiledger.command.kpi;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a KPI's current figures from its own event stream (through the aggregate cache), changing nothing. */
@Component
public class KpiFiguresReader {

    private final Configuration axon;
    private final TransactionTemplate readOnly;

    KpiFiguresReader(Configuration axon, PlatformTransactionManager transactions) {
        this.axon = axon;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<KpiFigures> current(KpiId kpiId) {
        return read(kpiId, Kpi::figures);
    }

    /** The KPI as its stream says now, for decisions a page takes (which KPIs a period asks for). */
    public Optional<KpiState> state(KpiId kpiId) {
        return read(kpiId, Kpi::state);
    }

    private <T> Optional<T> read(KpiId kpiId, Function<Kpi, T> part) {
        ResultMessage<T> result = readOnly.execute(status -> DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> axon.repository(Kpi.class).load(kpiId.value()).invoke(part)));
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof AggregateNotFoundException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Could not read KPI " + kpiId, result.exceptionResult());
        }
        return Optional.of(result.getPayload());
    }
}
