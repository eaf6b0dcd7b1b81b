/**
 * The review proof (docs/workbench.md, "Review records"): that a facility's logs for a period were
 * examined, with a finding, not only kept (HIPAA §164.312(b) "record and examine", guideline 6.0
 * §17). Each record is a {@link jp.emergencyaccess.ledger.review.Review} and its event; the list
 * per facility is the read model {@link jp.emergencyaccess.ledger.review.FacilityReviews}.
 */
package jp.emergencyaccess.ledger.review;
