package org.kpiledger.query.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The reporting cycle as the read API answers it. */
public final class PeriodView {

    private PeriodView() {
    }

    /** A period in the list of a plan's periods. */
    public record Summary(int fiscalYear, String state, LocalDate dueDate,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String publicationId) {
    }

    /**
     * A period: its state, due date and last publication; each department owning KPIs of the plan with its state,
     * counts, missing KPIs and whether it is overdue; the KPIs no department owns; the committee's opinions.
     */
    public record Period(String planId, int fiscalYear, String state, LocalDate dueDate,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String publicationId,
                         List<Department> departments, List<String> unassigned,
                         List<HeldByPredecessor> reportedUnderPredecessor, List<Opinion> opinions, long position) {
    }

    /**
     * A KPI whose figure of the year its predecessor's KPI reports, under the predecessor's plan (a year both plans
     * cover): entered once there and shown under both; this period does not ask for it.
     */
    public record HeldByPredecessor(String kpiId, String heldBy) {
    }

    /**
     * A department's place in the cycle: {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code SUBMITTED},
     * {@code RETURNED} or {@code APPROVED}; {@code recorded} counts its KPIs with a figure for the year or declared
     * late, {@code late} those declared late; {@code missing} names the others.
     */
    public record Department(String department, String state, int kpis, int recorded, int late,
                             List<String> missing, boolean overdue,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String submittedBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant submittedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String reviewedBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
    }

    public record Opinion(String opinionId, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String kpiId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer goal, Instant givenAt, String givenBy) {
    }

    /** A figure of the year changed after the year's first publication: who, when, why, under which reopening. */
    public record ChangeSincePublication(long position, String kpiId, int fiscalYear, String type, BigDecimal from,
                                         BigDecimal to, Instant changedAt, String changedBy, String reason,
                                         String reopeningReason, String decisionReference) {
    }
}
