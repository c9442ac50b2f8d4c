package org.kpiledger.events.kpi;

/**
 * Where one fiscal year's figure of a KPI stands in the reporting cycle.
 *
 * @param status its status; {@link FigureStatus#RECORDED} until its department submits it
 * @param published the figure the last report published, null before the first publication
 * @param publicationId the report that published it, null before the first publication
 * @param late the department's declaration that the figure comes later, null when there is none or the figure has
 *     been recorded since
 */
public record FigureInCycle(FigureStatus status, Quantity published, String publicationId,
        FigureDeclaredLateEvent late) {

    /** A year no step of the cycle has touched. */
    public static final FigureInCycle UNTOUCHED = new FigureInCycle(FigureStatus.RECORDED, null, null, null);

    FigureInCycle after(FigureStepTakenEvent step) {
        if (step.step() == FigureStep.PUBLISHED) {
            return new FigureInCycle(FigureStatus.PUBLISHED, step.value(), step.publicationId(), late);
        }
        return new FigureInCycle(step.step().status(), published, publicationId, late);
    }

    FigureInCycle declaredLate(FigureDeclaredLateEvent declaration) {
        return new FigureInCycle(status, published, publicationId, declaration);
    }

    FigureInCycle recorded() {
        return late == null ? this : new FigureInCycle(status, published, publicationId, null);
    }
}
