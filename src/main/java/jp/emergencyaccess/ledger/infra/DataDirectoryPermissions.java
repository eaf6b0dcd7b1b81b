package jp.emergencyaccess.ledger.infra;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Narrows the files the store created on this start (the H2 file of a fresh data directory) to
 * their owner, as {@link DataDirectory} did for the ones that were there before.
 */
@Component
class DataDirectoryPermissions {
  private final Path dataDir;

  DataDirectoryPermissions(@Value("${ledger.data-dir}") Path dataDir) {
    this.dataDir = dataDir;
  }

  @EventListener(ApplicationReadyEvent.class)
  void keepToOwner() {
    DataDirectory.keepToOwner(dataDir);
  }
}
