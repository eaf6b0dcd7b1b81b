package jp.emergencyaccess.ledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a server-sent event stream over real HTTP (java.net.http), line by line as it arrives.
 * Events and comments are queued in arrival order.
 */
public final class SseClient implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message: an event (id, name, data) or a comment (text only). */
  public record Message(String id, String event, String data, String comment) {
    public long position() {
      return Long.parseLong(id);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(data);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + data, e);
      }
    }

    public boolean isEvent() {
      return comment == null;
    }
  }

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile boolean ended;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects; returns once the status and headers are in. */
  public static SseClient open(Api api, String path, String lastEventId) {
    HttpRequest.Builder request = api.request(path).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static SseClient open(Api api, String path) {
    return open(api, path, null);
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            messages.add(new Message(id, event, data.toString(), null));
          }
          id = null;
          event = null;
          data = null;
        } else if (line.startsWith(":")) {
          messages.add(new Message(null, null, null, line.substring(1).trim()));
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          String part = line.substring(5);
          part = part.startsWith(" ") ? part.substring(1) : part;
          data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
        }
      }
    } catch (IOException e) {
      // closed by us or by the server
    } finally {
      ended = true;
    }
  }

  /** The next message, or null when none came within the timeout. */
  public Message next(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next {@code count} events (comments skipped); fails when they do not come in time. */
  public List<Message> events(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Message> events = new ArrayList<>();
    while (events.size() < count) {
      Message message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (message == null) {
        throw new AssertionError("only " + events.size() + " of " + count + " events came");
      }
      if (message.isEvent()) {
        events.add(message);
      }
    }
    return events;
  }

  /**
   * Every event until the server says (in an {@code at N} comment) that it has passed {@code
   * position}; fails when that does not happen in time.
   */
  public List<Message> eventsThrough(long position, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Message> events = new ArrayList<>();
    while (true) {
      Message message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (message == null) {
        throw new AssertionError(
            "the stream did not pass position "
                + position
                + "; got "
                + events.size()
                + " events"
                + (ended ? "; the server ended the stream" : "; the stream is still open"));
      }
      if (message.isEvent()) {
        events.add(message);
      } else if (message.comment().startsWith("at ")
          && Long.parseLong(message.comment().substring(3)) >= position) {
        return events;
      }
    }
  }

  /** Waits for the server's first comment: the stream is open and reading. */
  public SseClient awaitOpen(Duration timeout) {
    Message first = next(timeout);
    if (first == null || first.isEvent()) {
      throw new AssertionError("the stream did not open with a comment: " + first);
    }
    return this;
  }

  public boolean ended() {
    return ended;
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // closing anyway
    }
    reader.interrupt();
  }
}
