package org.kpiledger.query.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;

/** The current actual of one fiscal year, who recorded it, and how often and why it was corrected since. */
@Embeddable
class ActualFigure {

    @Column(name = "value")
    private BigDecimal value;
    private String note;
    private String evidenceReference;
    private Instant recordedAt;
    private String recordedBy;
    private int corrections;
    private Instant lastCorrectedAt;
    private String lastCorrectedBy;
    private String lastCorrectionReason;

    protected ActualFigure() {
    }

    KpiProgressView.Actual view(int fiscalYear) {
        return new KpiProgressView.Actual(fiscalYear, value, note, evidenceReference, recordedAt, recordedBy,
                corrections, lastCorrectedAt, lastCorrectedBy, lastCorrectionReason);
    }
}
