package jp.emergencyaccess.ledger.history;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the flag thresholds ({@code ledger.flags.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlagThresholds.class)
class FlagConfig {}
