package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.investigation.InquiryLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published list of facilities whose names were published under Art. 26, beside the list of
 * individually activated facilities: a JSON array, oldest publication first.
 */
@RestController
class PublishedNameController {
  private final InquiryLog inquiries;

  PublishedNameController(InquiryLog inquiries) {
    this.inquiries = inquiries;
  }

  record PublishedName(
      String facilityCode, String name, OffsetDateTime publishedAt, String inquiryId) {}

  @Operation(summary = "Facilities whose names were published under Art. 26")
  @GetMapping("/api/facilities/published-names")
  List<PublishedName> publishedNames() {
    return inquiries.publishedNames().stream()
        .map(
            e ->
                new PublishedName(
                    e.facilityCode(), e.text(), JapanTime.render(e.at()), e.inquiryId()))
        .toList();
  }
}
