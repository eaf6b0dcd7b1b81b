package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Loads (or starts) the facility's {@link FacilityService} aggregate in the inquiry command's unit
 * of work, so the measure's event is appended to the facility's stream in the same transaction as
 * the command; the repository's lock serialises measures on one node, the stream's sequence numbers
 * across nodes.
 */
@Component
class FacilityServiceMeasures implements FacilityServices {
  private final Repository<FacilityService> repository;
  private final ServiceStatus recorded;

  FacilityServiceMeasures(
      @Lazy @Qualifier("facilityServiceRepository") Repository<FacilityService> repository,
      ServiceStatus recorded) {
    this.repository = repository;
    this.recorded = recorded;
  }

  @Override
  public void suspend(String inquiryId, String facilityCode, String reason, Instant at) {
    on(facilityCode, s -> s.suspend(inquiryId, reason, at, recorded));
  }

  @Override
  public void stop(String inquiryId, String facilityCode, String reason, Instant at) {
    on(facilityCode, s -> s.stop(inquiryId, reason, at, recorded));
  }

  @Override
  public void resume(String inquiryId, String facilityCode, Instant at) {
    on(facilityCode, s -> s.resume(inquiryId, at, recorded));
  }

  private void on(String facilityCode, Consumer<FacilityService> measure) {
    Aggregate<FacilityService> service;
    try {
      service =
          repository.loadOrCreate(
              FacilityService.idOf(facilityCode), () -> new FacilityService(facilityCode));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Only the factory above is declared to throw, and it does not.
      throw new IllegalStateException(e);
    }
    service.execute(measure);
  }
}
