package jp.emergencyaccess.ledger.access;

/** Gathers the {@link ViewFacts} for a lookup; injected into the view aggregate's handler. */
public interface DecisionFacts {
  ViewFacts gather(ViewMedicalInfo command);
}
