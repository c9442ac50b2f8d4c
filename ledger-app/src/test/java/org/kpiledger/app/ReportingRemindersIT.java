package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kpiledger.app.LedgerHttp.json;
import static org.kpiledger.app.LedgerRequests.oneRowCatalog;
import static org.kpiledger.app.LedgerRequests.registerStartups;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;

/**
 * Issue 20: reminders of missing figures, sent through a real SMTP server (GreenMail): to the staff of each
 * department that still owes figures, before the due date and after it, and a summary of the overdue departments to
 * the planning division; each once, however often the check runs; nothing to a department that has submitted.
 */
class ReportingRemindersIT {

    private static final String PLAN = "/api/v1/strategies/shinagawa-2015";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private static final String SAPPORO = "011002";

    private static GreenMail smtp;
    private static LedgerProcesses processes;

    /**
     * The mail server comes up only once the ledger holds what the test is about: until then every reminder fails to
     * be sent and is tried again at the next check, which the test thereby tries too.
     */
    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        processes = new LedgerProcesses();
        LedgerHttp admin = LedgerProcesses.http(processes.start(LedgerApplication.class,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--kpi-ledger.reminders.initial-delay=0s", "--kpi-ledger.reminders.check-interval=300ms",
                "--kpi-ledger.reminders.days-before=7", "--kpi-ledger.reminders.from=kikaku@city.example"));
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")),
                "If-Match", "*").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/kpis", registerStartups("remind-kosodate", "kosodate").replaceFirst("^\\{",
                "{\"strategy\":{\"planId\":\"shinagawa-2015\",\"policyCode\":\"1-1\",\"measureNumber\":1},"))
                .status()).isEqualTo(201);
        LedgerHttp planner = admin.createUser("tanaka", null, "PLANNER");
        LedgerHttp sangyo = admin.createUser("sato", "sangyo", "STAFF");
        admin.createUser("ito", "kosodate", "STAFF");
        admin.createUser("nomail", "kosodate", "STAFF");
        for (String[] address : new String[][] {{"tanaka", "tanaka@city.example"}, {"sato", "sato@city.example"},
                {"ito", "ito@city.example"}}) {
            assertThat(admin.put("/api/v1/users/" + address[0] + "/email", json(Map.of("email", address[1])))
                    .status()).isEqualTo(200);
        }
        assertThat(admin.put("/api/v1/users/ito/email", json(Map.of("email", "not an address"))).status())
                .isEqualTo(400);

        // 2016: due in three days, sangyo has submitted, kosodate has not; 2017: due yesterday, nobody has
        assertThat(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2016, "dueDate",
                TODAY.plusDays(3).toString()))).status()).isEqualTo(201);
        assertThat(sangyo.post(PLAN + "/periods/2016/figures", json(Map.of("figures",
                List.of(Map.of("kpiId", "1-1-1-01", "value", 9))))).status()).isEqualTo(200);
        assertThat(sangyo.post(PLAN + "/periods/2016/departments/sangyo/submission", "{}").status()).isEqualTo(200);
        assertThat(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2017, "dueDate",
                TODAY.minusDays(1).toString()))).status()).isEqualTo(201);
        sapporoOwesItsOwn2017(admin);
        Thread.sleep(1_000); // checks that find no mail server
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /**
     * Sapporo, hosted beside Shinagawa, has the same plan, the same department and a staff member of the same name:
     * its 2017 is overdue too, and its people are reminded of Sapporo's period, by a link under Sapporo's prefix.
     */
    private static void sapporoOwesItsOwn2017(LedgerHttp operator) {
        assertThat(operator.post("/api/v1/tenants", json(Map.of("tenantId", SAPPORO, "name", "札幌市",
                "timeZone", "Asia/Tokyo", "adminPassword", "sapporo-kanrisha-pass-1"))).status()).isEqualTo(201);
        LedgerHttp admin = operator.anonymous().underTenant(SAPPORO).as("admin", "sapporo-kanrisha-pass-1");
        assertThat(admin.send("POST", "/api/v1/catalogs", oneRowCatalog().getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "text/csv").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/kpis/1-1-1-01/department", json(Map.of("department", "sangyo")),
                "If-Match", "*").status()).isEqualTo(200);
        LedgerHttp planner = admin.createUser("tanaka", null, "PLANNER");
        admin.createUser("sato", "sangyo", "STAFF");
        for (String username : List.of("tanaka", "sato")) {
            assertThat(admin.put("/api/v1/users/" + username + "/email",
                    json(Map.of("email", username + "@sapporo.example"))).status()).isEqualTo(200);
        }
        assertThat(planner.post(PLAN + "/periods", json(Map.of("fiscalYear", 2017, "dueDate",
                TODAY.minusDays(1).toString()))).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
        smtp.stop();
    }

    @Test
    void remindsEachDepartmentThatOwesFiguresOnceAndThePlanningDivisionOfTheOverdue() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 6);
        Thread.sleep(2_000); // several more checks: none may send again

        List<String> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            received.add(recipients(message) + " | " + message.getSubject());
            assertThat(message.getFrom()[0].toString()).isEqualTo("kikaku@city.example");
        }
        assertThat(received).as("%s", received).hasSize(6);
        assertThat(received).filteredOn(line -> line.startsWith("ito@city.example |"))
                .as("kosodate owes 2016 (due soon) and 2017 (overdue)").hasSize(2)
                .anyMatch(line -> line.contains("2016年度") && line.contains("近づいて"))
                .anyMatch(line -> line.contains("2017年度") && line.contains("過ぎて"));
        assertThat(received).filteredOn(line -> line.startsWith("sato@city.example |"))
                .as("sangyo submitted 2016, owes 2017").hasSize(1).allMatch(line -> line.contains("2017年度"));
        assertThat(received).filteredOn(line -> line.startsWith("tanaka@city.example |"))
                .as("one summary of 2017's overdue departments").hasSize(1)
                .allMatch(line -> line.contains("2017年度") && line.contains("所管 2"));
        MimeMessage toKosodate = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipientsOf(message).equals("ito@city.example")).findFirst().orElseThrow();
        assertThat((String) toKosodate.getContent()).contains("remind-kosodate", "2016")
                .contains("/api/v1/strategies/shinagawa-2015/periods/2016").doesNotContain("/t/");
    }

    @Test
    void remindsEachTenantOfItsOwnPeriodsOnly() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 6);

        List<MimeMessage> toSapporo = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipientsOf(message).endsWith("@sapporo.example")).toList();
        assertThat(toSapporo).extracting(ReportingRemindersIT::recipientsOf)
                .as("Sapporo's staff of sangyo and its planning division, once each")
                .containsExactlyInAnyOrder("sato@sapporo.example", "tanaka@sapporo.example");
        MimeMessage toSato = toSapporo.stream()
                .filter(message -> recipientsOf(message).equals("sato@sapporo.example")).findFirst().orElseThrow();
        assertThat(toSato.getSubject()).contains("2017年度", "過ぎて");
        assertThat((String) toSato.getContent()).as("Sapporo's own period, under Sapporo's prefix")
                .contains("/t/" + SAPPORO + "/api/v1/strategies/shinagawa-2015/periods/2017")
                .doesNotContain("remind-kosodate");
        MimeMessage summary = toSapporo.stream()
                .filter(message -> recipientsOf(message).equals("tanaka@sapporo.example")).findFirst().orElseThrow();
        assertThat(summary.getSubject()).as("Sapporo's one overdue department, not Shinagawa's two")
                .contains("所管 1");
    }

    private static String recipients(MimeMessage message) throws Exception {
        return String.join(",", Arrays.stream(message.getAllRecipients()).map(Address::toString).sorted().toList());
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return recipients(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
