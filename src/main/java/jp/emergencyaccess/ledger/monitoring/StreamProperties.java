package jp.emergencyaccess.ledger.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.stream.*}: how the event stream treats its subscribers, and when the processors
 * count as unhealthy.
 */
@ConfigurationProperties("ledger.stream")
public class StreamProperties {
  /** A comment line is sent after this much silence, so proxies keep the connection open. */
  private Duration keepAlive = Duration.ofSeconds(15);

  /**
   * How long a subscriber waits for a missing position that no unit of work of this node holds
   * (written by another node, or outside a unit of work) before treating it as never committed.
   */
  private Duration gapTimeout = Duration.ofSeconds(10);

  /** More open streams than this are refused with 503. */
  private int maxSubscribers = 200;

  /**
   * Events a subscriber may hold back behind one missing position before it is dropped (it can
   * reconnect with Last-Event-ID).
   */
  private int maxHeldBack = 10_000;

  /** A streaming processor further behind the head than this is reported OUT_OF_SERVICE. */
  private long maxProcessorLag = 10_000;

  public Duration getKeepAlive() {
    return keepAlive;
  }

  public void setKeepAlive(Duration keepAlive) {
    this.keepAlive = keepAlive;
  }

  public Duration getGapTimeout() {
    return gapTimeout;
  }

  public void setGapTimeout(Duration gapTimeout) {
    this.gapTimeout = gapTimeout;
  }

  public int getMaxSubscribers() {
    return maxSubscribers;
  }

  public void setMaxSubscribers(int maxSubscribers) {
    this.maxSubscribers = maxSubscribers;
  }

  public int getMaxHeldBack() {
    return maxHeldBack;
  }

  public void setMaxHeldBack(int maxHeldBack) {
    this.maxHeldBack = maxHeldBack;
  }

  public long getMaxProcessorLag() {
    return maxProcessorLag;
  }

  public void setMaxProcessorLag(long maxProcessorLag) {
    this.maxProcessorLag = maxProcessorLag;
  }
}
