package jp.emergencyaccess.ledger.console;

/** One option of a page's select: the code the form sends and its label in the page's language. */
record Choice(String code, String label) {}
