package org.kpiledger.command.period;

/**
 * Rolls back the unit of work of a bulk of figures that stores nothing: a dry run, or a bulk with a refused row.
 * Carries what every row did or would do.
 */
public class FiguresNotStoredException extends RuntimeException {

    private final transient FiguresResult result;
    private final boolean dryRun;

    FiguresNotStoredException(FiguresResult result, boolean dryRun) {
        super(dryRun ? "A dry run stores nothing." : result.refused() + " of the figures were refused; none was stored.",
                null, false, false);
        this.result = result;
        this.dryRun = dryRun;
    }

    public FiguresResult result() {
        return result;
    }

    public boolean dryRun() {
        return dryRun;
    }
}
