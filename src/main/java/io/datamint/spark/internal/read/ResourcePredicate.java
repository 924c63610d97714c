package io.datamint.spark.internal.read;

import io.datamint.spark.internal.plan.PlannedResource;

/**
 * A pushed SQL predicate, evaluated on the driver against a resource's attributes with SQL's
 * three-valued logic: {@code TRUE}, {@code FALSE}, or null for unknown. A resource is kept only
 * when the result is {@code TRUE}.
 */
@FunctionalInterface
interface ResourcePredicate {

  Boolean test(PlannedResource resource);

  static Boolean and(Boolean a, Boolean b) {
    if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
      return false;
    }
    return a == null || b == null ? null : true;
  }

  static Boolean or(Boolean a, Boolean b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return true;
    }
    return a == null || b == null ? null : false;
  }

  static Boolean not(Boolean a) {
    return a == null ? null : !a;
  }
}
