package io.datamint.spark.internal.config;

import io.datamint.spark.internal.split.NonePatientIdStrategy;
import io.datamint.spark.internal.split.SplitMode;
import io.datamint.spark.internal.split.SplitRatios;
import java.io.Serializable;
import java.util.Map;

/**
 * The split options, with the SDK's {@code split()} names: ordered ratios ({@code split}, e.g.
 * {@code train=0.7,val=0.15,test=0.15}), {@code seed}, {@code by_patient} with {@code
 * none_patient_id_strategy} ({@code individual}, {@code group}, {@code skip}, {@code error}),
 * project-scoped splits ({@code use_project_splits}, {@code as_of_timestamp}) and the deprecated
 * {@code split:*} tags ({@code use_server_splits}). The connector splits only when one of them is
 * given. Each key is defined in {@link OptionSpecs}; this record adds the SDK's mode selection
 * across them.
 */
public record SplitOptions(
    SplitMode mode,
    SplitRatios ratios,
    Long seed,
    NonePatientIdStrategy nonePatientIdStrategy,
    String asOfTimestamp)
    implements Serializable {

  /** {@link OptionSpecs#AS_OF_TIMESTAMP}. */
  public static final String AS_OF_TIMESTAMP = OptionSpecs.AS_OF_TIMESTAMP.name();

  /**
   * Parses and validates the split options at {@code load()}, with the SDK's mode selection and
   * messages.
   */
  static SplitOptions parse(Map<String, String> o) {
    SplitRatios ratios = OptionSpecs.SPLIT.get(o);
    String asOf = OptionSpecs.AS_OF_TIMESTAMP.get(o);
    try {
      SplitMode mode =
          SplitMode.resolve(
              ratios != null,
              OptionSpecs.USE_PROJECT_SPLITS.get(o),
              OptionSpecs.USE_SERVER_SPLITS.get(o),
              asOf != null,
              true,
              OptionSpecs.BY_PATIENT.get(o));
      return new SplitOptions(
          mode, ratios, OptionSpecs.SEED.get(o), OptionSpecs.NONE_PATIENT_ID_STRATEGY.get(o), asOf);
    } catch (InvalidOptionException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException("invalid split options: " + e.getMessage());
    }
  }
}
