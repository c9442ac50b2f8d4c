package org.kpiledger.query.progress;

import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No KPI with this id has reached the read model: never registered, or registered a moment ago. */
class KpiNotFoundException extends ErrorResponseException {

    KpiNotFoundException(KpiId kpiId) {
        super(HttpStatus.NOT_FOUND, notFound(kpiId), null);
    }

    private static ProblemDetail notFound(KpiId kpiId) {
        return ProblemType.KPI_NOT_FOUND.problem("No KPI " + kpiId + " is registered.",
                "kpiId");
    }
}
