/**
 * The console: server-rendered pages under {@code /console}, Japanese first and English on request
 * (ConsoleLanguage), for the ministry, the implementing bodies and on-call operators
 * (docs/console.md). It signs in with a form and a session over the same accounts as the API, in a
 * security chain of its own; it reads the features' query services and never writes SQL of its own.
 */
package jp.emergencyaccess.ledger.console;
