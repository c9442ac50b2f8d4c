package org.kpiledger.query.period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kpiledger.accounts.LocalAccounts;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.CurrentTenant;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds departments of the figures they still owe: staff of a department with missing figures get a reminder
 * {@code kpi-ledger.reminders.days-before} (7) days before the period's due date and another once it has passed; the
 * planning division gets a summary of the overdue departments. Each reminder goes out once: it is claimed in
 * {@code reporting_reminder} before it is sent, and let go again if sending fails. Nothing is sent without an SMTP
 * host ({@code spring.mail.host}); addresses are those of the local accounts. Every active tenant's periods are
 * checked in turn, as that tenant (its rows, its accounts, its own claims) and by the date in its time zone; a
 * tenant's links carry its prefix.
 */
@Component
class PeriodReminders {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodReminders.class);

    enum Kind { BEFORE_DUE, AFTER_DUE, OVERDUE_SUMMARY }

    private static final String EVERY_DEPARTMENT = "*";

    private final JdbcTemplate jdbc;
    private final PeriodReader periods;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<LocalAccounts> accounts;
    private final TenantDirectory tenants;
    private final DefaultTenant defaultTenant;
    private final Clock clock;
    private final int daysBefore;
    private final String from;

    PeriodReminders(JdbcTemplate jdbc, PeriodReader periods, ObjectProvider<JavaMailSender> mail,
            ObjectProvider<LocalAccounts> accounts, TenantDirectory tenants, DefaultTenant defaultTenant, Clock clock,
            @Value("${kpi-ledger.reminders.days-before:7}") int daysBefore,
            @Value("${kpi-ledger.reminders.from:kpi-ledger@localhost}") String from) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.mail = mail;
        this.accounts = accounts;
        this.tenants = tenants;
        this.defaultTenant = defaultTenant;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.from = from;
    }

    @Scheduled(initialDelayString = "${kpi-ledger.reminders.initial-delay:1m}",
            fixedDelayString = "${kpi-ledger.reminders.check-interval:1h}")
    void remind() {
        JavaMailSender sender = mail.getIfAvailable();
        LocalAccounts directory = accounts.getIfAvailable();
        if (sender == null || directory == null) {
            return;
        }
        for (TenantDirectory.Served tenant : tenants.active()) {
            try (CurrentTenant.Scope ignored = CurrentTenant.open(tenant.tenantId())) {
                remind(LocalDate.now(clock.withZone(tenant.timeZone())), sender, directory,
                        defaultTenant.is(tenant.tenantId()) ? "" : "/t/" + tenant.tenantId());
            } catch (RuntimeException e) {
                LOG.warn("The reminders of tenant {} could not be checked; they are tried again at the next check",
                        tenant.tenantId(), e);
            }
        }
    }

    private void remind(LocalDate today, JavaMailSender sender, LocalAccounts directory, String prefix) {
        List<String[]> open = jdbc.query("select plan_id, fiscal_year from reporting_period where state <> 'PUBLISHED'",
                (row, n) -> new String[] {row.getString(1), row.getString(2)});
        for (String[] key : open) {
            periods.period(key[0], Integer.parseInt(key[1])).ifPresent(period -> remind(period, today, sender,
                    directory, prefix));
        }
    }

    private void remind(PeriodView.Period period, LocalDate today, JavaMailSender sender, LocalAccounts directory,
            String prefix) {
        LocalDate due = period.dueDate();
        List<PeriodView.Department> overdue = new ArrayList<>();
        for (PeriodView.Department department : period.departments()) {
            boolean owes = !department.missing().isEmpty() && !department.state().equals("SUBMITTED")
                    && !department.state().equals("APPROVED");
            if (!owes) {
                continue;
            }
            Kind kind = today.isAfter(due) ? Kind.AFTER_DUE : !today.isBefore(due.minusDays(daysBefore))
                    ? Kind.BEFORE_DUE : null;
            if (kind != null) {
                send(period, department.department(), kind, directory.emailsOf(LedgerRole.STAFF,
                        department.department()), staffText(period, department, kind, prefix), sender);
            }
            if (department.overdue()) {
                overdue.add(department);
            }
        }
        if (!overdue.isEmpty()) {
            send(period, EVERY_DEPARTMENT, Kind.OVERDUE_SUMMARY, directory.emailsOf(LedgerRole.PLANNER, null),
                    summaryText(period, overdue), sender);
        }
    }

    private void send(PeriodView.Period period, String department, Kind kind, List<String> recipients,
            String[] subjectAndText, JavaMailSender sender) {
        if (recipients.isEmpty()) {
            return;
        }
        int claimed = jdbc.update("""
                insert into reporting_reminder (plan_id, fiscal_year, department, kind, sent_at, recipients)
                values (?, ?, ?, ?, now(), ?) on conflict do nothing""", period.planId(), period.fiscalYear(),
                department, kind.name(), recipients.size());
        if (claimed == 0) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(subjectAndText[0]);
        message.setText(subjectAndText[1]);
        try {
            sender.send(message);
        } catch (MailException e) {
            LOG.warn("The {} reminder of {} for {} could not be sent; it is tried again at the next check: {}", kind,
                    department, period.planId() + "/" + period.fiscalYear(), e.getMessage());
            jdbc.update("delete from reporting_reminder where plan_id = ? and fiscal_year = ? and department = ? "
                    + "and kind = ?", period.planId(), period.fiscalYear(), department, kind.name());
        }
    }

    private static String[] staffText(PeriodView.Period period, PeriodView.Department department, Kind kind,
            String prefix) {
        String when = kind == Kind.AFTER_DUE ? "提出期限を過ぎています (the due date has passed)"
                : "提出期限が近づいています (the due date is near)";
        return new String[] {
            "【効果検証】" + period.fiscalYear() + "年度実績の提出 (" + period.planId() + "): " + when,
            department.department() + " の皆様\n\n"
                    + period.fiscalYear() + "年度の実績の提出期限は " + period.dueDate() + " です。" + when + "。\n"
                    + "未入力の KPI (KPIs without a figure): " + String.join(", ", department.missing()) + "\n\n"
                    + "入力と提出 (enter and submit): " + prefix + "/api/v1/strategies/" + period.planId()
                    + "/periods/" + period.fiscalYear() + "\n"};
    }

    private static String[] summaryText(PeriodView.Period period, List<PeriodView.Department> overdue) {
        StringBuilder text = new StringBuilder(period.fiscalYear() + "年度の効果検証で提出期限 (" + period.dueDate()
                + ") を過ぎた所管 (departments past the due date):\n\n");
        for (PeriodView.Department department : overdue) {
            text.append("- ").append(department.department()).append(": ").append(department.state()).append(", ")
                    .append(department.recorded()).append(" / ").append(department.kpis()).append(" KPIs, missing ")
                    .append(String.join(", ", department.missing())).append('\n');
        }
        return new String[] {"【効果検証】" + period.fiscalYear() + "年度: 提出期限を過ぎた所管 " + overdue.size()
                + " (" + period.planId() + ")", text.toString()};
    }
}
