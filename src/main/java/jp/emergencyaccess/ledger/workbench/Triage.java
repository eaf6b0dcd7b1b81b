package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.investigation.InquiryIds;
import jp.emergencyaccess.ledger.investigation.InquiryLog;
import jp.emergencyaccess.ledger.investigation.InquiryRecord;
import jp.emergencyaccess.ledger.investigation.OpenInquiry;
import org.springframework.stereotype.Component;

/**
 * Escalation into the Art. 25–26 case: an alert joins the facility's open inquiry (the newest, if
 * several are open), or opens one. The inquiry it opens is named by the facility and the number of
 * its inquiries closed so far ({@code clientId alerts:<facility>:<n>}), so alerts of one facility
 * escalated at the same moment open one inquiry, not two ({@link InquiryIds#forClientId}).
 */
@Component
public class Triage {
  static final String INQUIRY_REASON = "アラートからの調査 (ワークベンチ)";
  private final CommandSender commands;
  private final InquiryLog inquiries;

  Triage(CommandSender commands, InquiryLog inquiries) {
    this.commands = commands;
    this.inquiries = inquiries;
  }

  /** Escalates the alert (refused unless it is under review) and returns its inquiry's id. */
  public String escalate(AlertItem alert, String by, Instant at, boolean atStated) {
    if (alert.status() != AlertStatus.UNDER_REVIEW) {
      // Checked before an inquiry is opened for it; the aggregate judges it again.
      commands.send(new EscalateAlert(alert.alertId(), "inq-none", by, at));
    }
    List<InquiryRecord> all = inquiries.list(alert.facilityCode());
    String inquiryId =
        all.stream()
            .filter(i -> !i.closed())
            .map(InquiryRecord::inquiryId)
            .findFirst()
            .orElse(null);
    if (inquiryId == null) {
      long closed = all.stream().filter(InquiryRecord::closed).count();
      String clientId = "alerts:" + alert.facilityCode() + ":" + closed;
      Recorded opened =
          commands.send(
              new OpenInquiry(
                  InquiryIds.forClientId(clientId),
                  alert.facilityCode(),
                  INQUIRY_REASON,
                  clientId,
                  at,
                  atStated));
      inquiryId = opened.id();
    }
    commands.send(new EscalateAlert(alert.alertId(), inquiryId, by, at));
    return inquiryId;
  }
}
