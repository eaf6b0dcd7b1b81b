/** Facilities (医療機関・薬局), their applications (申出, form 別添1) and individual activation. */
package jp.emergencyaccess.ledger.facility;
