package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashTest {
  private final StoredEvent event = Events.notice(7, "noto-2024-01");

  @Test
  void link_isSha256OfPreviousPositionTypeAndDigest_asDocumented() throws Exception {
    byte[] previous = ChainHash.sha256("previous".getBytes(StandardCharsets.UTF_8));
    byte[] digest = ChainHash.digest(event);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(previous);
    out.writeLong(7);
    byte[] type = event.payloadType().getBytes(StandardCharsets.UTF_8);
    out.writeInt(type.length);
    out.write(type);
    out.write(digest);
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());

    assertThat(ChainHash.link(previous, 7, event.payloadType(), digest)).isEqualTo(expected);
  }

  @Test
  void document_isCanonicalJsonOfEveryStoredField() {
    assertThat(ChainHash.document(event))
        .isEqualTo(
            "{\"aggregateIdentifier\":\"noto-2024-01\",\"aggregateType\":\"Notice\","
                + "\"eventIdentifier\":\"event-7\",\"metadata\":{\"traceId\":\"t-1\"},"
                + "\"payload\":{\"noticeId\":\"noto-2024-01\",\"title\":\"notice 7\"},"
                + "\"payloadRevision\":\"1\",\"sequenceNumber\":0,\"timestamp\":1708391700000}");
    assertThat(ChainHash.digest(event))
        .isEqualTo(ChainHash.sha256(ChainHash.document(event).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void digest_ignoresLayout_butNotData() {
    StoredEvent relaidOut =
        Events.withPayload(event, "{ \"title\" : \"notice 7\", \"noticeId\" : \"noto-2024-01\" }");
    StoredEvent changed =
        Events.withPayload(event, "{\"noticeId\":\"noto-2024-01\",\"title\":\"notice 8\"}");
    StoredEvent notJson = Events.withPayload(event, "{\"noticeId\":\"noto-2024-01\",\"title\"");

    assertThat(ChainHash.digest(relaidOut)).isEqualTo(ChainHash.digest(event));
    assertThat(List.of(ChainHash.digest(changed), ChainHash.digest(notJson)))
        .noneMatch(d -> java.util.Arrays.equals(d, ChainHash.digest(event)));
  }

  @Test
  void everyFieldCounts() {
    StoredEvent e = event;
    List<StoredEvent> variants =
        List.of(
            new StoredEvent(
                7,
                "other",
                e.aggregateIdentifier(),
                0,
                "Notice",
                e.timestamp(),
                e.payloadType(),
                "1",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                "other",
                0,
                "Notice",
                e.timestamp(),
                e.payloadType(),
                "1",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                e.aggregateIdentifier(),
                1,
                "Notice",
                e.timestamp(),
                e.payloadType(),
                "1",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                e.aggregateIdentifier(),
                0,
                "Region",
                e.timestamp(),
                e.payloadType(),
                "1",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                e.aggregateIdentifier(),
                0,
                "Notice",
                "2024-02-20T01:15:00.001Z",
                e.payloadType(),
                "1",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                e.aggregateIdentifier(),
                0,
                "Notice",
                e.timestamp(),
                e.payloadType(),
                "2",
                e.payload(),
                e.metadata()),
            new StoredEvent(
                7,
                e.eventIdentifier(),
                e.aggregateIdentifier(),
                0,
                "Notice",
                e.timestamp(),
                e.payloadType(),
                "1",
                e.payload(),
                "{}".getBytes(StandardCharsets.UTF_8)));
    for (StoredEvent variant : variants) {
      assertThat(ChainHash.digest(variant))
          .as(variant.toString())
          .isNotEqualTo(ChainHash.digest(e));
    }
  }
}
