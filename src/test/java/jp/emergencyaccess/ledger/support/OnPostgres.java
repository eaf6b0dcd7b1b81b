package jp.emergencyaccess.ledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs the test against the real application in the {@code postgres} profile on a real PostgreSQL
 * (started once per test JVM from a Maven artifact), served over real HTTP. Every class with this
 * annotation shares one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/pg-${random.uuid}")
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface OnPostgres {}
