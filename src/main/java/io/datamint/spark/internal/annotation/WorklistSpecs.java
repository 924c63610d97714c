package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.AnnotationScope;
import io.datamint.spark.internal.api.model.AnnotationSpec;
import io.datamint.spark.internal.api.model.Worklist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label and category sets of the selected worklists' specs (SDK schema mode, reference §2.2):
 * specs merged by {@code (scope, identifier)}, the first occurrence wins, a different definition
 * under the same key is ambiguous.
 */
final class WorklistSpecs {

  final List<String> imageLabels = new ArrayList<>();
  final List<String> frameLabels = new ArrayList<>();
  final List<CategoryValue> imageCategories = new ArrayList<>();
  final List<CategoryValue> frameCategories = new ArrayList<>();

  WorklistSpecs(List<Worklist> worklists) {
    Map<List<String>, AnnotationSpec> merged = new LinkedHashMap<>();
    Map<List<String>, String> origin = new LinkedHashMap<>();
    for (Worklist worklist : worklists) {
      for (AnnotationSpec spec : worklist.specs()) {
        List<String> key = List.of(spec.scope(), spec.identifier());
        AnnotationSpec first = merged.putIfAbsent(key, spec);
        if (first == null) {
          origin.put(key, name(worklist));
        } else if (!first.sameDefinitionAs(spec)) {
          throw new LabelSchemaException(
              "Ambiguous annotation specs for scope '"
                  + spec.scope()
                  + "' and identifier '"
                  + spec.identifier()
                  + "': worklist "
                  + origin.get(key)
                  + " defines "
                  + describe(first)
                  + " but worklist "
                  + name(worklist)
                  + " defines "
                  + describe(spec)
                  + ". Set worklists=None to infer labels from data (option worklists=none), or select "
                  + "worklists that agree.");
        }
      }
    }
    for (AnnotationSpec spec : merged.values()) {
      boolean image = AnnotationScope.IMAGE.value().equals(spec.scope());
      if ("label".equals(spec.type())) {
        (image ? imageLabels : frameLabels).add(spec.identifier());
      } else if ("category".equals(spec.type())) {
        for (String value : spec.values() == null ? List.<String>of() : spec.values()) {
          (image ? imageCategories : frameCategories)
              .add(new CategoryValue(spec.identifier(), value));
        }
      }
    }
  }

  private static String name(Worklist w) {
    return w.name() == null ? "'" + w.id() + "'" : "'" + w.name() + "' (" + w.id() + ")";
  }

  private static String describe(AnnotationSpec s) {
    return "{type=" + s.type() + (s.values().isEmpty() ? "" : ", values=" + s.values()) + "}";
  }
}
