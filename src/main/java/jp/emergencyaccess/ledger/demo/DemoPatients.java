package jp.emergencyaccess.ledger.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewIds;
import jp.emergencyaccess.ledger.access.ViewMedicalInfo;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.consent.ConsentIds;
import jp.emergencyaccess.ledger.consent.ConsentRecorded;
import jp.emergencyaccess.ledger.consent.ConsentWithdrawn;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.consent.RecordConsent;
import jp.emergencyaccess.ledger.consent.WithdrawConsent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's consents, withdrawals and lookups: one task per patient on the loader's pool, so a
 * patient's consent is recorded before its lookups while patients run in parallel. Ids already in
 * the event store are skipped; patient ids become patientRefs here and are never logged.
 */
final class DemoPatients {
  private static final Logger LOG = LoggerFactory.getLogger(DemoPatients.class);
  private final CommandSender commands;
  private final ViewRequests views;
  private final Pseudonyms pseudonyms;
  private final JdbcTemplate jdbc;

  DemoPatients(
      CommandSender commands, ViewRequests views, Pseudonyms pseudonyms, JdbcTemplate jdbc) {
    this.commands = commands;
    this.views = views;
    this.pseudonyms = pseudonyms;
    this.jdbc = jdbc;
  }

  /** Sends what is missing; returns the consents, withdrawals and lookups sent. */
  int[] load(DemoPlan plan, ExecutorService pool, long start) {
    Set<String> consentsThere = aggregatesWith(ConsentRecorded.class);
    Set<String> withdrawalsThere = aggregatesWith(ConsentWithdrawn.class);
    Set<String> viewsThere = aggregatesWith(MedicalInfoViewed.class);
    viewsThere.addAll(aggregatesWith(MedicalInfoViewDenied.class));
    AtomicInteger consents = new AtomicInteger();
    AtomicInteger withdrawals = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int total = plan.lookupCount();
    int step = Math.max(1000, total / 8);
    long phaseStart = System.nanoTime();
    List<Future<?>> tasks = new ArrayList<>();
    for (var visit : plan.visits()) {
      tasks.add(
          pool.submit(
              () -> {
                String ref = pseudonyms.refOf(visit.patientId());
                String consentId = null;
                var consent = visit.consent();
                if (consent != null) {
                  consentId = ConsentIds.derive(visit.facilityCode(), consent.requestId());
                  if (!consentsThere.contains(consentId)) {
                    commands.send(
                        new RecordConsent(
                            consentId,
                            visit.facilityCode(),
                            ref,
                            consent.basis(),
                            consent.identification(),
                            consent.exemptionReason(),
                            "demo-staff",
                            consent.at(),
                            true));
                    consents.incrementAndGet();
                  }
                }
                boolean withdrawn = false;
                for (var lookup : visit.lookups()) {
                  if (consent != null
                      && consent.withdrawnAt() != null
                      && !withdrawn
                      && lookup.at().isAfter(consent.withdrawnAt())) {
                    if (!withdrawalsThere.contains(consentId)) {
                      commands.send(new WithdrawConsent(consentId, consent.withdrawnAt()));
                      withdrawals.incrementAndGet();
                    }
                    withdrawn = true;
                  }
                  String viewId = ViewIds.derive(visit.facilityCode(), lookup.requestId());
                  if (!viewsThere.contains(viewId)) {
                    views.decide(
                        new ViewMedicalInfo(
                            viewId,
                            lookup.requestId(),
                            visit.facilityCode(),
                            lookup.viewerId(),
                            lookup.role(),
                            ref,
                            lookup.categories(),
                            lookup.citesConsent() ? consentId : null,
                            lookup.at(),
                            true));
                    sent.incrementAndGet();
                  }
                  int n = done.incrementAndGet();
                  if (n % step == 0) {
                    double seconds = (System.nanoTime() - phaseStart) / 1e9;
                    LOG.info(
                        "Demo: lookups {}/{} ({} sent, {} consents) — {} lookups/s, {} s in all",
                        n,
                        total,
                        sent.get(),
                        consents.get(),
                        Math.round(n / seconds),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
                  }
                }
              }));
    }
    DemoLoader.waitFor(tasks);
    double seconds = (System.nanoTime() - phaseStart) / 1e9;
    int commandsSent = consents.get() + withdrawals.get() + sent.get();
    LOG.info(
        "Demo: lookups done — {} lookups, {} consents, {} withdrawals sent in {} s ({} commands/s)",
        sent.get(),
        consents.get(),
        withdrawals.get(),
        String.format("%.1f", seconds),
        Math.round(commandsSent / Math.max(seconds, 1e-3)));
    return new int[] {consents.get(), withdrawals.get(), sent.get()};
  }

  private Set<String> aggregatesWith(Class<?> eventType) {
    return new HashSet<>(
        jdbc.queryForList(
            "select aggregateidentifier from domainevententry where payloadtype = ?",
            String.class,
            eventType.getName()));
  }
}
