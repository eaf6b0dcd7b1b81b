package jp.emergencyaccess.ledger.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The one text form of a JSON value that the chain hashes, so that the digest depends on the data
 * and not on how a serializer happened to lay it out (docs/integrity.md, "Canonical JSON"):
 *
 * <ul>
 *   <li>no whitespace outside strings;
 *   <li>object members sorted by name, comparing UTF-16 code units; duplicate names are not JSON;
 *   <li>strings: {@code "} and {@code \} escaped, {@code \b \f \n \r \t} for those controls, {@code
 *       \}{@code u00xx} (lower-case hex) for the other controls below U+0020, everything else as
 *       itself (the text is UTF-8);
 *   <li>numbers: integral values as plain decimal integers ({@code 1.0} is {@code 1}), others as
 *       the plain decimal with no trailing zeros, no exponent;
 *   <li>{@code true}, {@code false}, {@code null} as such.
 * </ul>
 */
public final class CanonicalJson {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** Parses JSON text; empty when the bytes are not one well-formed JSON value. */
  public static JsonNode parse(byte[] json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = STRICT.readTree(json);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  /** The canonical text of an already parsed value (a {@code null} reference is JSON null). */
  public static String write(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** The canonical text of an object given as named members (for documents built in code). */
  public static String writeObject(Map<String, JsonNode> members) {
    StringBuilder out = new StringBuilder();
    writeMembers(members, out);
    return out.toString();
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      out.append("null");
    } else if (value.isObject()) {
      Map<String, JsonNode> members = new java.util.HashMap<>();
      value.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
      writeMembers(members, out);
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      string(value.textValue(), out);
    } else if (value.isNumber()) {
      out.append(number(value.decimalValue()));
    } else if (value.isBoolean()) {
      out.append(value.booleanValue());
    } else if (value.isBinary()) {
      string(value.asText(), out);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
    }
  }

  private static void writeMembers(Map<String, JsonNode> members, StringBuilder out) {
    List<String> names = new ArrayList<>(members.keySet());
    Collections.sort(names);
    out.append('{');
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(name, out);
      out.append(':');
      write(members.get(name), out);
    }
    out.append('}');
  }

  static String number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    return stripped.toPlainString();
  }

  static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
