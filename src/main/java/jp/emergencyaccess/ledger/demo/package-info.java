/**
 * The demo: the 2024 Noto scenario loaded as living data when the ledger starts with the Spring
 * profile {@code demo} (docs/demo.md). {@link jp.emergencyaccess.ledger.demo.DemoPlan} makes the
 * data deterministically from a seeded random source; {@link
 * jp.emergencyaccess.ledger.demo.DemoLoader} sends it through the same commands as the HTTP API.
 */
package jp.emergencyaccess.ledger.demo;
