package org.kpiledger.query.period;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reminders run on Spring's scheduler; see {@link PeriodReminders}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RemindersConfiguration {
}
