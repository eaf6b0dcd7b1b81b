package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;

/**
 * What the two events of a decided lookup record alike, so that one reading of them ({@link
 * Lookup#of}) serves both. Only the events implement it; it adds nothing to their stored JSON.
 */
public sealed interface LookupEvent permits MedicalInfoViewed, MedicalInfoViewDenied {
  String viewId();

  String requestId();

  String facilityCode();

  String viewerId();

  ViewerRole viewerRole();

  String patientRef();

  List<InfoCategory> categories();

  String consentId();

  ConsentBasis consentBasis();

  Identification identification();

  CoveredBy coveredBy();

  Instant at();
}
