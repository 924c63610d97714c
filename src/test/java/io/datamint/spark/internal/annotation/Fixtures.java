package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.AnnotationSpec;
import io.datamint.spark.internal.api.model.Worklist;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders of annotations, specs and worklists for the tests. */
final class Fixtures {

  private static final AtomicInteger IDS = new AtomicInteger();

  private Fixtures() {}

  static Annotation ann(
      String type, String identifier, Integer frame, String value, String createdBy) {
    return new Annotation(
        "a" + IDS.incrementAndGet(),
        "r1",
        identifier,
        frame == null ? "image" : "frame",
        frame,
        type,
        value,
        null,
        null,
        null,
        null,
        createdBy,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static Annotation label(String identifier, String by) {
    return ann("label", identifier, null, null, by);
  }

  static Annotation frameLabel(String identifier, int frame, String by) {
    return ann("label", identifier, frame, null, by);
  }

  static Annotation category(String identifier, String value, String by) {
    return ann("category", identifier, null, value, by);
  }

  static Annotation seg(String identifier, String by) {
    return ann("segmentation", identifier, null, null, by);
  }

  static AnnotationSpec spec(String type, String scope, String identifier, String... values) {
    return new AnnotationSpec(type, scope, false, identifier, Arrays.asList(values));
  }

  static Worklist worklist(String id, String name, List<AnnotationSpec> specs, Object... groups) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < groups.length; i += 2) {
      map.put((String) groups[i], (Integer) groups[i + 1]);
    }
    return new Worklist(id, name, specs, map);
  }

  /** An inferred schema over these annotations. */
  static LabelSchema inferred(List<Annotation> annotations) {
    return new LabelSchemaBuilder(WorklistSelection.inferred(), false).build(null, annotations);
  }
}
