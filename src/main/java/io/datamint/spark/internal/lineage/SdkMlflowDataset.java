package io.datamint.spark.internal.lineage;

import io.datamint.spark.internal.util.PythonJson;
import io.datamint.spark.lineage.DatasetLineage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's {@code DatamintMLflowDataset} (v2.45, {@code datamint.mlflow.data}) computed from a
 * dataset's items: the digest ({@code md5(json.dumps({"resources": [...], "extra_params": {...}},
 * sort_keys=True))[:8]}), the source's JSON ({@code DatamintDatasetSource.to_json()}, keys in
 * insertion order) and the profile. Pure: no Spark, no I/O.
 *
 * <p>{@code most_common_storage_type} is the SDK's {@code max(set(storage_types),
 * key=storage_types.count)}; among equally common values the SDK's choice follows Python's set
 * order, which depends on string hashing (randomized per process), so it is not reproducible. Here
 * the tie goes to the value whose first item comes first: deterministic, and one of the SDK's
 * possible answers.
 */
public final class SdkMlflowDataset {

  private SdkMlflowDataset() {}

  /**
   * The lineage of a dataset.
   *
   * @param projectId the project's id
   * @param projectName the project's name (the dataset's name)
   * @param split the split's name, or null
   * @param items the dataset's items in the SDK's order
   * @param extraParams {@code extra_params} in the SDK's insertion order (see {@link ExtraParams})
   */
  public static DatasetLineage of(
      String projectId,
      String projectName,
      String split,
      List<LineageItem> items,
      Map<String, Object> extraParams) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("project_id", projectId);
    source.put("project_name", projectName);
    source.put("split", split);
    source.put("extra_params", extraParams);
    String storage = mostCommonStorage(items);
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("num_resources", items.size());
    profile.put("most_common_storage_type", storage);
    return new DatasetLineage(
        projectName,
        digest(items, extraParams),
        PythonJson.dumps(source),
        PythonJson.dumps(profile),
        projectId,
        split,
        items.size(),
        storage);
  }

  /** The text the SDK hashes: {@code json.dumps(data, sort_keys=True)}. */
  static String digestContent(List<LineageItem> items, Map<String, Object> extraParams) {
    List<Object> resources = new ArrayList<>(items.size());
    for (LineageItem item : items) {
      resources.add(item.digestEntry());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("resources", resources);
    if (extraParams != null && !extraParams.isEmpty()) {
      data.put("extra_params", extraParams);
    }
    return PythonJson.dumpsSorted(data);
  }

  /** The SDK's digest: the first 8 hex digits of the MD5 of {@link #digestContent}. */
  static String digest(List<LineageItem> items, Map<String, Object> extraParams) {
    byte[] md5;
    try {
      md5 =
          MessageDigest.getInstance("MD5")
              .digest(digestContent(items, extraParams).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      hex.append(String.format("%02x", md5[i] & 0xFF));
    }
    return hex.toString();
  }

  /** The most common storage (null counts as a value); ties go to the first seen. */
  static String mostCommonStorage(List<LineageItem> items) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (LineageItem item : items) {
      counts.merge(item.storage() == null ? "\0null" : item.storage(), 1, Integer::sum);
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best == null || best.equals("\0null") ? null : best;
  }
}
