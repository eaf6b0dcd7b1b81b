package jp.emergencyaccess.ledger.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.activation.NoticeSeries;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.facility.Applicant;
import jp.emergencyaccess.ledger.facility.ApplicationDirectory;
import jp.emergencyaccess.ledger.facility.ApplicationIds;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.ApproveApplication;
import jp.emergencyaccess.ledger.facility.Attestations;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.RegisterFacility;
import jp.emergencyaccess.ledger.facility.RejectApplication;
import jp.emergencyaccess.ledger.facility.SubmitApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo (profile {@code demo}) through {@link CommandSender}, the path the HTTP API takes:
 * the Noto notice series with its region actions, the facilities, the applications and their
 * decisions, then the consents, withdrawals and lookups on a small thread pool (one task per
 * patient, so a patient's consent is recorded before its lookups).
 *
 * <p>Loading twice records nothing new. Each phase first reads what is already there and sends only
 * what is missing: notices and region actions (the series loader's own check), facilities (the
 * facility directory), applications (ids derived from client ids; decisions only while still
 * SUBMITTED), consents, withdrawals and lookups (their ids are derived from stable request ids, and
 * the ids already present in the event store are skipped). A load that stopped half-way resumes
 * where it stopped; and the commands themselves are idempotent by the same ids, so even a resend
 * would record nothing twice.
 */
@Component
@Profile("demo")
public class DemoLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  private static final String MHLW = "demo-mhlw";

  private final CommandSender commands;
  private final ViewRequests views;
  private final NoticeSeriesLoader noticeLoader;
  private final FacilityDirectory facilities;
  private final ApplicationDirectory applications;
  private final Pseudonyms pseudonyms;
  private final JdbcTemplate jdbc;
  private final int lookups;
  private final int threads;
  private final boolean loadOnStart;
  private final DemoPatients patients;

  DemoLoader(
      CommandSender commands,
      ViewRequests views,
      NoticeSeriesLoader noticeLoader,
      FacilityDirectory facilities,
      ApplicationDirectory applications,
      Pseudonyms pseudonyms,
      JdbcTemplate jdbc,
      @Value("${ledger.demo.lookups:32000}") int lookups,
      @Value("${ledger.demo.threads:6}") int threads,
      @Value("${ledger.demo.load-on-start:true}") boolean loadOnStart) {
    this.commands = commands;
    this.views = views;
    this.noticeLoader = noticeLoader;
    this.facilities = facilities;
    this.applications = applications;
    this.pseudonyms = pseudonyms;
    this.jdbc = jdbc;
    this.lookups = lookups;
    this.threads = threads;
    this.loadOnStart = loadOnStart;
    this.patients = new DemoPatients(commands, views, pseudonyms, jdbc);
  }

  /** What one load sent (zero everywhere on a second load). */
  public record Summary(
      int notices,
      int regionActions,
      int facilities,
      int applications,
      int decisions,
      int consents,
      int withdrawals,
      int lookups,
      double seconds) {
    public boolean recordedNothing() {
      return notices
              + regionActions
              + facilities
              + applications
              + decisions
              + consents
              + withdrawals
              + lookups
          == 0;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    if (loadOnStart) {
      load();
    }
  }

  public DemoPlan plan() {
    return DemoPlan.make(NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024), lookups);
  }

  public Summary load() {
    long start = System.nanoTime();
    NoticeSeries series = NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024);
    DemoPlan plan = DemoPlan.make(series, lookups);
    LOG.info(
        "Demo: loading the 2024 Noto scenario — {} facilities, {} applications, {} consents, {}"
            + " lookups ({} threads)",
        plan.facilities().size(),
        plan.applications().size(),
        plan.consentCount(),
        plan.lookupCount(),
        threads);
    var notices = noticeLoader.load(series);
    LOG.info(
        "Demo: notices {} registered ({} already there), region actions {} sent ({} already"
            + " there)",
        notices.noticesRegistered(),
        notices.noticesSkipped(),
        notices.actionsSent(),
        notices.actionsSkipped());
    for (var notice : series.notices()) {
      LOG.info(
          "Demo: notice {} (revision {}): {}",
          notice.noticeId(),
          notice.revision(),
          notice.confirmed());
    }
    LOG.warn(
        "Demo: revisions 1 and 4 and the issue date of revision 6 are partly ASSUMED, not the real"
            + " notices; GET /api/notices shows each notice's confirmation");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int registered = registerFacilities(plan, pool);
      int[] applied = applications(plan);
      int[] sent = patients.load(plan, pool, start);
      Summary summary =
          new Summary(
              notices.noticesRegistered(),
              notices.actionsSent(),
              registered,
              applied[0],
              applied[1],
              sent[0],
              sent[1],
              sent[2],
              (System.nanoTime() - start) / 1e9);
      LOG.info(
          "Demo: loaded in {} s — sent {} notices, {} region actions, {} facilities, {}"
              + " applications, {} decisions, {} consents, {} withdrawals, {} lookups; the store"
              + " holds {} allowed and {} denied lookups",
          String.format("%.1f", summary.seconds()),
          summary.notices(),
          summary.regionActions(),
          summary.facilities(),
          summary.applications(),
          summary.decisions(),
          summary.consents(),
          summary.withdrawals(),
          summary.lookups(),
          count(MedicalInfoViewed.class),
          count(MedicalInfoViewDenied.class));
      return summary;
    } finally {
      pool.shutdownNow();
    }
  }

  private int registerFacilities(DemoPlan plan, ExecutorService pool) {
    Set<String> known =
        facilities.registeredAmong(plan.facilities().stream().map(f -> f.code()).toList());
    Instant at = DemoPlan.at(DemoPlan.FIRST_DAY.minusDays(30), 9, 0);
    List<Future<?>> sent = new ArrayList<>();
    for (var f : plan.facilities()) {
      if (!known.contains(f.code())) {
        sent.add(
            pool.submit(
                () ->
                    commands.send(
                        new RegisterFacility(
                            f.code(),
                            f.kind(),
                            f.name(),
                            f.nameKana(),
                            f.postalCode(),
                            f.address(),
                            f.municipalityCode(),
                            f.phone(),
                            at,
                            true))));
      }
    }
    waitFor(sent);
    LOG.info(
        "Demo: facilities {} registered ({} already there)",
        sent.size(),
        plan.facilities().size() - sent.size());
    return sent.size();
  }

  private int[] applications(DemoPlan plan) {
    int submitted = 0;
    int decided = 0;
    for (var a : plan.applications()) {
      String id = ApplicationIds.forSubmission(a.facilityCode(), a.clientId());
      if (applications.find(id).isEmpty()) {
        var f =
            plan.facilities().stream()
                .filter(x -> x.code().equals(a.facilityCode()))
                .findFirst()
                .orElseThrow();
        commands.send(
            new SubmitApplication(
                id,
                f.code(),
                f.kind(),
                f.name(),
                f.nameKana(),
                f.postalCode(),
                f.address(),
                f.phone(),
                a.reason(),
                new Period(a.from(), a.until()),
                new Attestations(true, true, true),
                new Applicant("デモ 管理者 " + f.index(), f.address()),
                a.clientId(),
                "demo-facility-" + f.index(),
                a.submittedAt(),
                true));
        submitted++;
      }
      var status = applications.find(id).map(ApplicationSummary::status).orElseThrow();
      if (status == ApplicationSummary.Status.SUBMITTED) {
        commands.send(
            a.approved()
                ? new ApproveApplication(
                    a.facilityCode(), id, new Period(a.from(), a.until()), MHLW, a.decidedAt())
                : new RejectApplication(
                    a.facilityCode(), id, a.rejectionReason(), MHLW, a.decidedAt()));
        decided++;
      }
    }
    LOG.info("Demo: applications {} submitted, {} decided", submitted, decided);
    return new int[] {submitted, decided};
  }

  /** How many events of a type the store holds. */
  public long count(Class<?> eventType) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from domainevententry where payloadtype = ?",
            Long.class,
            eventType.getName());
    return n == null ? 0 : n;
  }

  static void waitFor(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("demo load interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("demo load failed: " + e.getCause().getMessage(), e);
      }
    }
  }
}
