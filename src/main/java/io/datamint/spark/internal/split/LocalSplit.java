package io.datamint.spark.internal.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The SDK's local random split ({@code _split_locally}) and patient-wise split ({@code
 * by_patient=True}): shuffle with CPython's {@code random.Random(seed).shuffle}, then cut in ratio
 * order with round-half-even counts, the last split taking the rest. Membership and within-split
 * order equal the SDK's for the same order, ratios and seed.
 */
public final class LocalSplit {

  /** {@code split_source} of a local split. */
  public static final String SOURCE_LOCAL = "local";

  /** {@code split_source} of a patient-wise split. */
  public static final String SOURCE_LOCAL_BY_PATIENT = "local_by_patient";

  private LocalSplit() {}

  /**
   * Splits resources, given in dataset order. Each split keeps the shuffled order; empty splits are
   * kept.
   *
   * @throws IllegalArgumentException when a resource id is null or repeated
   */
  public static SplitResult assign(List<String> resourceIds, SplitRatios ratios, long seed) {
    Set<String> seen = new HashSet<>();
    for (String id : resourceIds) {
      if (id == null || !seen.add(id)) {
        throw new IllegalArgumentException(
            "a local split needs distinct non-null resource ids, got '"
                + id
                + "' "
                + (id == null ? "" : "twice"));
      }
    }
    List<List<String>> parts = cut(resourceIds, ratios, seed);
    LinkedHashMap<String, List<String>> splits = new LinkedHashMap<>();
    int i = 0;
    for (String name : ratios.names()) {
      splits.put(name, parts.get(i++));
    }
    return new SplitResult(splits, SOURCE_LOCAL);
  }

  /**
   * Splits patients, listed in first-occurrence order, then gives each split its patients'
   * resources, patient after patient in shuffled order, in dataset order within a patient.
   *
   * @throws IllegalArgumentException with strategy {@code ERROR} when a resource has no patient id
   *     (the message contains "no patient_id"), or when a resource id is repeated
   */
  public static SplitResult assignByPatient(
      List<PatientResource> resources,
      SplitRatios ratios,
      long seed,
      NonePatientIdStrategy strategy) {
    LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (PatientResource r : resources) {
      if (!seen.add(r.resourceId())) {
        throw new IllegalArgumentException(
            "a patient-wise split needs distinct resource ids, got '" + r.resourceId() + "' twice");
      }
      String key = r.patientId();
      if (key == null) {
        switch (strategy) {
          case INDIVIDUAL -> key = "__no_patient_" + r.resourceId() + "__";
          case GROUP -> key = null;
          case SKIP -> {
            continue;
          }
          case ERROR ->
              throw new IllegalArgumentException(
                  "Resource "
                      + r.resourceId()
                      + " has no patient_id (none_patient_id_strategy='error').");
          default -> throw new IllegalStateException(String.valueOf(strategy));
        }
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r.resourceId());
    }
    List<String> patients = new ArrayList<>(groups.keySet());
    List<List<String>> parts = cut(patients, ratios, seed);
    LinkedHashMap<String, List<String>> splits = new LinkedHashMap<>();
    int i = 0;
    for (String name : ratios.names()) {
      List<String> ids = new ArrayList<>();
      for (String patient : parts.get(i)) {
        ids.addAll(groups.get(patient));
      }
      splits.put(name, ids);
      i++;
    }
    return new SplitResult(splits, SOURCE_LOCAL_BY_PATIENT);
  }

  /** Shuffles a copy of the items and cuts it by the ratios' counts. */
  private static <T> List<List<T>> cut(List<T> items, SplitRatios ratios, long seed) {
    List<T> shuffled = new ArrayList<>(items);
    new PythonRandom(seed).shuffle(shuffled);
    int[] counts = ratios.counts(shuffled.size());
    List<List<T>> parts = new ArrayList<>();
    int start = 0;
    for (int count : counts) {
      parts.add(new ArrayList<>(shuffled.subList(start, start + count)));
      start += count;
    }
    return parts;
  }
}
