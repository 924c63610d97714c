package io.datamint.spark.config;

import java.io.Serializable;
import io.datamint.spark.split.NonePatientIdStrategy;
import io.datamint.spark.split.ProjectSplits;
import io.datamint.spark.split.SplitMode;
import io.datamint.spark.split.SplitRatios;
import java.util.Map;

/**
 * The split options, with the SDK's {@code split()} names: ordered ratios ({@code split}, e.g.
 * {@code train=0.7,val=0.15,test=0.15}), {@code seed}, {@code by_patient} with {@code none_patient_id_strategy}
 * ({@code individual}, {@code group}, {@code skip}, {@code error}), project-scoped splits
 * ({@code use_project_splits}, {@code as_of_timestamp}) and the deprecated {@code split:*} tags
 * ({@code use_server_splits}). The connector splits only when one of them is given.
 */
public record SplitOptions(
    SplitMode mode,
    SplitRatios ratios,
    Long seed,
    NonePatientIdStrategy nonePatientIdStrategy,
    String asOfTimestamp)
    implements Serializable {

  /** Option keys. */
  public static final String SPLIT = "split";
  public static final String SEED = "seed";
  public static final String BY_PATIENT = "by_patient";
  public static final String NONE_PATIENT_ID_STRATEGY = "none_patient_id_strategy";
  public static final String USE_PROJECT_SPLITS = "use_project_splits";
  public static final String AS_OF_TIMESTAMP = "as_of_timestamp";
  public static final String USE_SERVER_SPLITS = "use_server_splits";

  /** Parses and validates the split options at {@code load()}, with the SDK's mode selection and messages. */
  static SplitOptions parse(Map<String, String> o) {
    Long seed = null;
    if (o.containsKey(SEED)) {
      try {
        seed = Long.parseLong(o.get(SEED).trim());
      } catch (NumberFormatException e) {
        throw OptionValues.invalid(SEED, o.get(SEED), "a whole number");
      }
    }
    try {
      NonePatientIdStrategy strategy = NonePatientIdStrategy.parse(o.getOrDefault(NONE_PATIENT_ID_STRATEGY,
          NonePatientIdStrategy.INDIVIDUAL.optionValue()));
      SplitRatios ratios = o.containsKey(SPLIT) ? SplitRatios.parse(o.get(SPLIT)) : null;
      String asOf = o.containsKey(AS_OF_TIMESTAMP) ? o.get(AS_OF_TIMESTAMP).trim() : null;
      if (asOf != null) {
        ProjectSplits.parseTimestamp(asOf, AS_OF_TIMESTAMP);
      }
      boolean byPatient = o.containsKey(BY_PATIENT) && OptionValues.bool(BY_PATIENT, o.get(BY_PATIENT));
      SplitMode mode = SplitMode.resolve(ratios != null,
          o.containsKey(USE_PROJECT_SPLITS) ? OptionValues.bool(USE_PROJECT_SPLITS, o.get(USE_PROJECT_SPLITS)) : null,
          o.containsKey(USE_SERVER_SPLITS) ? OptionValues.bool(USE_SERVER_SPLITS, o.get(USE_SERVER_SPLITS)) : null,
          asOf != null, true, byPatient);
      return new SplitOptions(mode, ratios, seed, strategy, asOf);
    } catch (InvalidOptionException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException("invalid split options: " + e.getMessage());
    }
  }
}
