package jp.emergencyaccess.ledger.common;

import java.util.function.Supplier;

/**
 * The port through which a read model answers several queries as of one moment of the database: the
 * parts of one answer (a page and the counts above it) then agree while batches commit between its
 * queries. The work only reads; writes belong outside it.
 */
public interface SnapshotReads {
  <T> T read(Supplier<T> work);
}
