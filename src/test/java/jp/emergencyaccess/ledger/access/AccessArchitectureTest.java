package jp.emergencyaccess.ledger.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The consent and access features stay free of the web layer; the web layer stays thin. */
class AccessArchitectureTest {
  private static final String BASE = "jp.emergencyaccess.ledger";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(BASE);

  @Test
  void thePackagesTheRulesNameExist() {
    for (String feature : new String[] {"consent", "access", "web"}) {
      assertThat(CLASSES.stream().anyMatch(c -> c.getPackageName().equals(BASE + "." + feature)))
          .as(feature)
          .isTrue();
    }
  }

  @Test
  void consentAndAccess_doNotDependOnTheWebLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(BASE + ".consent..", BASE + ".access..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".web..")
        .check(CLASSES);
  }

  @Test
  void consent_doesNotDependOnAccess() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".consent..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".access..")
        .check(CLASSES);
  }
}
