package org.hromada.aid;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the application's scheduled tasks (the {@link PriorityRefresher}) on Spring Boot's
 * task scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PriorityRefreshSettings.class)
class PriorityRefreshScheduling {

}
