package jp.emergencyaccess.ledger.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arithmetic of the chain, exactly as docs/integrity.md states it so that outsiders can redo
 * it:
 *
 * <pre>
 * digest(e) = SHA-256(UTF-8(canonical JSON of document(e)))
 * hash(p)   = SHA-256(hash(p-1) ‖ int64be(p) ‖ int32be(len(type)) ‖ UTF-8(type) ‖ digest)
 * </pre>
 *
 * where {@code hash} before the first entry is 32 zero bytes, {@code type} is the payload type, and
 * a permanent gap has type "" and a digest of 32 zero bytes.
 */
public final class ChainHash {
  public static final byte[] GENESIS = new byte[32];
  public static final byte[] GAP_DIGEST = new byte[32];
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChainHash() {}

  /** The canonical JSON document that an event's digest covers. */
  public static String document(StoredEvent e) {
    Map<String, JsonNode> doc = new LinkedHashMap<>();
    doc.put("aggregateIdentifier", text(e.aggregateIdentifier()));
    doc.put("aggregateType", text(e.aggregateType()));
    doc.put("eventIdentifier", text(e.eventIdentifier()));
    doc.put("metadata", json(e.metadata()));
    doc.put("payload", json(e.payload()));
    doc.put("payloadRevision", text(e.payloadRevision()));
    doc.put("sequenceNumber", NODES.numberNode(e.sequenceNumber()));
    doc.put("timestamp", timestamp(e.timestamp()));
    return CanonicalJson.writeObject(doc);
  }

  /** The canonical JSON of the payload alone: lets verification tell a moved payload. */
  public static byte[] payloadDigest(StoredEvent e) {
    return sha256(CanonicalJson.write(json(e.payload())).getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] digest(StoredEvent e) {
    return sha256(document(e).getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] link(byte[] previous, long position, String type, byte[] digest) {
    byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
    ByteBuffer input = ByteBuffer.allocate(32 + 8 + 4 + typeBytes.length + 32);
    input.put(previous).putLong(position).putInt(typeBytes.length).put(typeBytes).put(digest);
    return sha256(input.array());
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static byte[] unhex(String hex) {
    return HEX.parseHex(hex);
  }

  private static JsonNode text(String value) {
    return value == null ? NODES.nullNode() : NODES.textNode(value);
  }

  /** Stored JSON; bytes that are not JSON are kept as base64 so that they still count. */
  private static JsonNode json(byte[] bytes) {
    if (bytes == null) {
      return NODES.nullNode();
    }
    JsonNode parsed = CanonicalJson.parse(bytes);
    if (parsed != null) {
      return parsed;
    }
    return NODES.objectNode().put("notJsonBase64", Base64.getEncoder().encodeToString(bytes));
  }

  /** Epoch milliseconds, the precision every Axon store keeps; unreadable text stays as text. */
  private static JsonNode timestamp(String text) {
    if (text == null) {
      return NODES.nullNode();
    }
    try {
      return NODES.numberNode(Instant.parse(text).toEpochMilli());
    } catch (DateTimeParseException e) {
      return NODES.textNode(text);
    }
  }
}
