package org.kpiledger.events.kpi;

import org.axonframework.serialization.Revision;

/**
 * A step of the reporting cycle was taken on a KPI's figure of a fiscal year: submitted, returned, approved,
 * published or reopened. Emitted on the KPI's own stream, in the same transaction as the step of its reporting
 * period, so that the KPI itself refuses a write its status does not allow.
 *
 * @param value the figure as it stood when the step was taken; null when the year has none (a KPI published
 *     without a figure, or declared late)
 * @param comment the reviewer's comment of a return, the reason of a reopening; null otherwise
 * @param decisionReference the decision that reopened the figure; null for other steps
 * @param publicationId the report that published the figure; null for other steps
 */
@Revision("1")
public record FigureStepTakenEvent(KpiId kpiId, FiscalYear fiscalYear, FigureStep step, Quantity value,
        String comment, String decisionReference, String publicationId) implements KpiEvent {

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.figureStepTaken(this);
    }
}
