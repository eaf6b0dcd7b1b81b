package jp.emergencyaccess.ledger.integrity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.integrity.*}: how the chain follows the store and how often it is signed.
 *
 * @param enabled whether this process runs the chainer (verification works either way)
 * @param checkpointEveryEvents sign the head once it is this many positions past the last
 *     checkpoint
 * @param checkpointEvery ...or once this much time has passed and the head has moved
 * @param gapTimeout how long a missing lower position may stay missing (an uncommitted or
 *     rolled-back insert) before it is recorded as a permanent gap; must exceed the longest
 *     transaction that appends events
 * @param pollInterval how often an idle chainer looks for new events
 * @param batchSize how many events one chainer step reads and writes in one transaction
 * @param signingKey the Ed25519 private key, PKCS#8 as PEM or base64 (takes precedence)
 * @param signingKeyFile a file holding the PKCS#8 key as PEM
 * @param generateKey when no key is configured, generate one under {@code ledger.data-dir} once and
 *     reuse it (embedded default only; the postgres and axonserver profiles refuse to start
 *     instead)
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1000") int checkpointEveryEvents,
    @DefaultValue("60s") Duration checkpointEvery,
    @DefaultValue("60s") Duration gapTimeout,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("2000") int batchSize,
    String signingKey,
    String signingKeyFile,
    @DefaultValue("false") boolean generateKey) {}
