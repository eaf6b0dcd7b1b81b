/** Numbered office notices (事務連絡 その1 … その8) and their series: what every activation cites. */
package jp.emergencyaccess.ledger.notice;
