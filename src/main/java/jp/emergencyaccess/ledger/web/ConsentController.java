package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.ConsentDirectory;
import jp.emergencyaccess.ledger.consent.ConsentIds;
import jp.emergencyaccess.ledger.consent.ConsentReceipt;
import jp.emergencyaccess.ledger.consent.ConsentSummary;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.consent.RecordConsent;
import jp.emergencyaccess.ledger.consent.WithdrawConsent;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Consent records. The patientId of a request becomes its patientRef here and goes no further. */
@RestController
@RequestMapping("/api/consents")
class ConsentController {
  private final CommandSender commands;
  private final ConsentDirectory consents;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  ConsentController(
      CommandSender commands, ConsentDirectory consents, Pseudonyms pseudonyms, Clock clock) {
    this.commands = commands;
    this.consents = consents;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  record RecordRequest(
      String requestId,
      String facilityCode,
      String patientId,
      ConsentBasis basis,
      Identification identification,
      String exemptionReason,
      String recordedBy,
      OffsetDateTime at) {}

  record WithdrawRequest(OffsetDateTime at) {}

  record ConsentAnswer(
      String consentId,
      String patientRef,
      String facilityCode,
      ConsentBasis basis,
      Identification identification,
      OffsetDateTime at,
      OffsetDateTime withdrawnAt,
      boolean replayed) {
    static ConsentAnswer of(ConsentSummary c, boolean replayed) {
      return new ConsentAnswer(
          c.consentId(),
          c.patientRef(),
          c.facilityCode(),
          c.basis(),
          c.identification(),
          JapanTime.render(c.at()),
          JapanTime.render(c.withdrawnAt()),
          replayed);
    }
  }

  @Operation(summary = "Record a patient's consent (or the emergency exemption) at a facility")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ConsentAnswer record(@RequestBody RecordRequest body) {
    FacilityCode code = FacilityCode.parse("facilityCode", body.facilityCode());
    CurrentAccount.requireOwnFacility(code.value());
    String patientRef = pseudonyms.refOf(body.patientId());
    ConsentReceipt receipt =
        commands.send(
            new RecordConsent(
                ConsentIds.derive(code.value(), body.requestId()),
                code.value(),
                patientRef,
                body.basis(),
                body.identification(),
                body.exemptionReason(),
                body.recordedBy(),
                at(body.at()),
                body.at() != null));
    return ConsentAnswer.of(find(receipt.consentId()), receipt.replayed());
  }

  @Operation(summary = "Withdraw a consent")
  @PostMapping("/{consentId}/withdraw")
  @ResponseStatus(HttpStatus.CREATED)
  ConsentAnswer withdraw(
      @PathVariable String consentId, @RequestBody(required = false) WithdrawRequest body) {
    ConsentIds.check("consentId", consentId);
    ConsentSummary consent = find(consentId);
    CurrentAccount.requireOwnFacility(consent.facilityCode());
    commands.send(new WithdrawConsent(consentId, at(body == null ? null : body.at())));
    return ConsentAnswer.of(find(consentId), false);
  }

  private ConsentSummary find(String consentId) {
    return consents
        .find(consentId)
        .orElseThrow(() -> new NotFound("consent " + consentId + " is not recorded"));
  }

  private Instant at(OffsetDateTime at) {
    return RequestTime.atOrNow(at, clock);
  }
}
