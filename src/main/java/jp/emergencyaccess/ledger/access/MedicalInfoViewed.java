package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import org.axonframework.serialization.Revision;

/**
 * A lookup was allowed. The consent's basis and identification are copied in, and so is the
 * activation that covered it, so an investigation reads one event without joins.
 *
 * <p>Revision 2: {@code coveredBy} names the notice (or application) under which the instant was
 * first covered, the chain that shaped the period and whether the basis was retroactive ({@link
 * CoveredBy}). Revision 1 events are read through {@link ViewRevision1Upcaster}.
 */
@Revision("2")
public record MedicalInfoViewed(
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
    Instant at)
    implements LedgerEvent, LookupEvent {}
