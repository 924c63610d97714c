package io.datamint.spark.internal.split;

import java.util.Locale;

/**
 * The SDK's {@code none_patient_id_strategy}: what a patient-wise split does with resources without
 * a patient id.
 */
public enum NonePatientIdStrategy {
  /**
   * Each such resource is its own group {@code __no_patient_<resource id>__} (the SDK's default).
   */
  INDIVIDUAL,
  /** All such resources form one group (the SDK's {@code None} key). */
  GROUP,
  /** Such resources are in no split. */
  SKIP,
  /** Such a resource is an error. */
  ERROR;

  /** The option value: {@code individual}, {@code group}, {@code skip} or {@code error}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the option value (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static NonePatientIdStrategy parse(String value) {
    if (value != null) {
      for (NonePatientIdStrategy s : values()) {
        if (s.optionValue().equalsIgnoreCase(value.trim())) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException(
        "option none_patient_id_strategy: '"
            + value
            + "' is not supported; must be one of individual, group, skip, error");
  }
}
