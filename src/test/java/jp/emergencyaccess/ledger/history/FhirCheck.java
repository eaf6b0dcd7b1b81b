package jp.emergencyaccess.ledger.history;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

/** Parses and validates FHIR R4 JSON with HAPI's instance validator (the R4 core profiles). */
final class FhirCheck {
  static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private FhirCheck() {}

  static Bundle parse(String json) {
    return R4.newJsonParser().parseResource(Bundle.class, json);
  }

  /** The error and fatal messages of validating the resource; empty when it is valid. */
  static synchronized List<String> errors(String json) {
    if (validator == null) {
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(R4),
              new InMemoryTerminologyServerValidationSupport(R4),
              new CommonCodeSystemsTerminologyService(R4),
              new SnapshotGeneratingValidationSupport(R4));
      validator = R4.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }
    ValidationResult result = validator.validateWithResult(json);
    return result.getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
