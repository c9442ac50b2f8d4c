package org.kpiledger.app;

import static org.kpiledger.app.LedgerHttp.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request bodies for KPIs of Shinagawa City's 2015 strategy draft, written as the source writes them. */
final class LedgerRequests {

    private LedgerRequests() {
    }

    /** 武蔵小山創業支援センター入居者のうち、区内で継続する事業者数(累計): 平成26年度 6事業者, 平成31年度 21事業者. */
    static String registerStartups(String kpiId) {
        return json(Map.of(
                "kpiId", kpiId,
                "name", "武蔵小山創業支援センター入居者のうち、区内で継続する事業者数",
                "unit", "事業者",
                "accumulation", "CUMULATIVE",
                "direction", "INCREASE",
                "baseline", Map.of("fiscalYear", "平成26年度", "value", 6),
                "target", Map.of("fiscalYear", "平成31年度", "value", 21, "comparator", "AT_LEAST")));
    }

    /** The same KPI, owned by a department, whose staff then record its figures. */
    static String registerStartups(String kpiId, String department) {
        return registerStartups(kpiId).replaceFirst("^\\{", "{\"department\":\"" + department + "\",");
    }

    /** The shipped catalog's header and its first row: the Shinagawa strategy and KPI 1-1-1-01. */
    static String oneRowCatalog() {
        try (InputStream csv = LedgerRequests.class.getResourceAsStream("/catalog/shinagawa-2015.csv")) {
            String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return lines[0] + "\n" + lines[1] + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String recordActual(Object fiscalYear, Object value) {
        return json(Map.of("fiscalYear", fiscalYear, "value", value));
    }

    static String correctActual(Object value, String reason) {
        return json(Map.of("value", value, "reason", reason));
    }

    static String reviseTarget(Object fiscalYear, Object value, String reason, String decision) {
        return json(Map.of("fiscalYear", fiscalYear, "value", value, "comparator", "AT_LEAST",
                "reason", reason, "decisionReference", decision));
    }
}
