package jp.emergencyaccess.ledger.facility;

/** Who signs form 別添1 (the facility's founder or manager): name and address. */
public record Applicant(String name, String address) {}
