package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import org.axonframework.serialization.Revision;

/**
 * A lookup was denied, for every reason in {@code reasons}. Consent fields are null when the cited
 * consent was not found; {@code coveredBy} is null when no activation covered the instant.
 *
 * <p>Revision 2 as {@link MedicalInfoViewed}; revision 1 events are read through {@link
 * ViewRevision1Upcaster}.
 */
@Revision("2")
public record MedicalInfoViewDenied(
    String viewId,
    String requestId,
    String facilityCode,
    String viewerId,
    ViewerRole viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    ConsentBasis consentBasis,
    Identification identification,
    CoveredBy coveredBy,
    List<DenialReason> reasons,
    Instant at)
    implements LedgerEvent, LookupEvent {}
