package jp.emergencyaccess.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards the feature boundaries of STYLE.md; every package a rule names must exist. */
class ArchitectureTest {
  private static final String BASE = "jp.emergencyaccess.ledger";

  /** The feature packages that hold domain code (no HTTP, no wiring). */
  static final List<String> FEATURES =
      List.of(
          "notice",
          "activation",
          "facility",
          "consent",
          "access",
          "history",
          "investigation",
          "workbench",
          "integrity",
          "patientreport",
          "review");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  void everyNamedPackageExists() {
    var named = new java.util.ArrayList<>(FEATURES);
    named.addAll(List.of("common", "web", "infra", "console"));
    for (String pkg : named) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(BASE + "." + pkg)))
          .as("package %s.%s exists", BASE, pkg)
          .isTrue();
    }
  }

  @Test
  void featuresDoNotDependOnTheWebLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".web..", BASE + ".console..", "org.springframework.web..")
        .check(classes);
  }

  /** The console reads the features' query services, never the API's controllers or answers. */
  @Test
  void theConsoleDoesNotGoThroughTheApiLayer() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".console..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".web..")
        .check(classes);
  }

  /**
   * Commands go through the port {@code common.CommandSender}; only the lookups' dispatch, which
   * groups lookups into one commit, holds the group commit itself.
   */
  @Test
  void commandsAreSentThroughThePort() {
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".infra..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(BASE + ".infra.Commands")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".infra..")
        .and()
        .doNotHaveFullyQualifiedName(BASE + ".access.GroupedLookups")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(BASE + ".infra.GroupCommit")
        .check(classes);
  }

  /**
   * Features reach infrastructure only through the ports in {@code common} (CommandSender,
   * SnapshotReads, RequestingAccount, StoreFailureKinds, ReplayedReadModel); the lookups' dispatch
   * alone holds the group commit. Monitoring, not a feature, is infrastructure's window.
   */
  @Test
  void featuresUseInfrastructureOnlyThroughPorts() {
    noClasses()
        .that()
        .resideInAnyPackage(
            FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new))
        .and()
        .doNotHaveFullyQualifiedName(BASE + ".access.GroupedLookups")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".infra..")
        .check(classes);
  }

  @Test
  void commonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new))
        .check(classes);
  }

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyTheClockReadsTheWallClock() {
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".infra..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(classes);
  }

  /**
   * Events are the stored contract: each a record in a file of its own with a payload revision, so
   * that a change of shape is a new revision with an upcaster (StoredEventShapesTest holds one
   * stored JSON per event and revision).
   */
  @Test
  void everyEventIsATopLevelRecordWithARevision() {
    classes()
        .that()
        .implement(LedgerEvent.class)
        .should()
        .beTopLevelClasses()
        .andShould()
        .beRecords()
        .andShould()
        .beAnnotatedWith(Revision.class)
        .check(classes);
    classes()
        .that()
        .areAnnotatedWith(Revision.class)
        .should()
        .implement(LedgerEvent.class)
        .check(classes);
  }
}
