package jp.emergencyaccess.ledger.workbench;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the alert thresholds ({@code ledger.alerts.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertThresholds.class)
class WorkbenchConfig {}
