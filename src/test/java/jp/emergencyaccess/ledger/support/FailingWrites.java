package jp.emergencyaccess.ledger.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A disk that fills up on demand, for the embedded store: H2's pluggable file system under the
 * prefix {@code failing:} passes every call to the real files, except that while {@link #fail} is
 * on every write, truncation and sync throws {@code IOException("No space left on device")}, as a
 * full (or read-only) disk does. The initializer puts the prefix in front of the configured H2 URL,
 * so the store runs with the application's own settings.
 */
public class FailingWrites
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static volatile boolean failing;
  private static final AtomicLong REFUSED = new AtomicLong();

  static {
    FilePath.register(new FailingPath());
  }

  /** From now on every write fails. */
  public static void fail() {
    failing = true;
  }

  /** The disk takes writes again. */
  public static void heal() {
    failing = false;
  }

  /** How many writes were refused so far (a test that refused none tried nothing). */
  public static long refused() {
    return REFUSED.get();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
    if (!url.startsWith("jdbc:h2:")) {
      throw new IllegalStateException("not an H2 URL: " + url);
    }
    TestPropertyValues.of(
            "spring.datasource.url=jdbc:h2:failing:" + url.substring("jdbc:h2:".length()))
        .applyTo(context);
  }

  private static void refuseIfFailing() throws IOException {
    if (failing) {
      REFUSED.incrementAndGet();
      throw new IOException("No space left on device");
    }
  }

  /** The file system: the real one under the prefix. */
  public static final class FailingPath extends FilePathWrapper {
    @Override
    public String getScheme() {
      return "failing";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
      return new FailingChannel(getBase().open(mode));
    }
  }

  /** A file whose reads pass and whose writes fail while the disk is full. */
  private static final class FailingChannel extends org.h2.store.fs.FileBase {
    private final FileChannel file;

    FailingChannel(FileChannel file) {
      this.file = file;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
      return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      refuseIfFailing();
      return file.write(src);
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
      refuseIfFailing();
      return file.write(src, position);
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      refuseIfFailing();
      file.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      refuseIfFailing();
      file.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return file.lock(position, size, shared);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return file.map(mode, position, size);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      refuseIfFailing();
      return file.transferFrom(src, position, count);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return file.transferTo(position, count, target);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
