package jp.emergencyaccess.ledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs the test against the real application on the embedded store (H2 file, Axon JDBC engine),
 * served over real HTTP. Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/h2-${random.uuid}")
@ActiveProfiles("test")
public @interface OnH2 {}
