package jp.emergencyaccess.ledger.integrity;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain, its signer and its verifier over this process's store (docs/integrity.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
public class IntegrityConfig {

  /** The JDBC event table (embedded default and postgres profile). */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
  StoredEvents jdbcStoredEvents(JdbcTemplate jdbc) {
    return new JdbcStoredEvents(jdbc);
  }

  /** Axon Server: the ledger computes the chain from Axon's event stream (not tried here). */
  @Bean
  @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
  StoredEvents axonStreamEvents(
      EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
    return new AxonStreamEvents(eventStore, serializer, GlobalSequenceTrackingToken::new);
  }

  @Bean
  ChainTable chainTable(JdbcTemplate jdbc) {
    return new ChainTable(jdbc);
  }

  @Bean
  CheckpointTable checkpointTable(JdbcTemplate jdbc) {
    return new CheckpointTable(jdbc);
  }

  @Bean
  SigningKey checkpointSigningKey(
      IntegrityProperties properties, @Value("${ledger.data-dir:#{null}}") String dataDir) {
    return SigningKeys.load(properties, dataDir);
  }

  @Bean
  Chainer chainer(
      StoredEvents events,
      ChainTable chain,
      CheckpointTable checkpoints,
      SigningKey key,
      IntegrityProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    return new Chainer(
        events, chain, checkpoints, key, properties, clock, new TransactionTemplate(transactions));
  }

  @Bean
  ChainVerifier chainVerifier(
      StoredEvents events, ChainTable chain, CheckpointTable checkpoints, SigningKey key) {
    return new ChainVerifier(events, chain, checkpoints, Optional.of(key.publicKey()));
  }

  @Bean
  ChainProofs chainProofs(StoredEvents events, ChainTable chain, CheckpointTable checkpoints) {
    return new ChainProofs(events, chain, checkpoints);
  }
}
