package io.datamint.spark.internal.read.executor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;

/**
 * Spark's mapping of a Spark schema to an Arrow schema ({@code ArrowUtils.toArrowSchema}), across
 * the Spark versions the connector runs on. Spark changes that method's parameter list between
 * minor versions (4.1 has {@code (schema, timeZoneId, errorOnDuplicatedFieldNames, largeVarTypes)};
 * 4.3 adds a fifth parameter and drops that four-parameter form), so a direct call compiled against
 * one version fails with {@code NoSuchMethodError} on another. The method is found once by its
 * shape: the four-parameter form where it exists, else the five-parameter form with Spark's own
 * default for the fifth (what a Scala caller that leaves it out gets). Duplicate field names are an
 * error and variable-width vectors are the regular (32-bit offset) ones.
 */
public final class ArrowSchemas {

  private static final MethodHandle TO_ARROW_SCHEMA = find();

  private ArrowSchemas() {}

  /**
   * The Arrow schema Spark's {@code ArrowWriter} expects for {@code schema}, timestamps in {@code
   * timeZoneId}.
   */
  public static Schema toArrowSchema(StructType schema, String timeZoneId) {
    try {
      return (Schema) TO_ARROW_SCHEMA.invokeExact(schema, timeZoneId);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("ArrowUtils.toArrowSchema failed", e);
    }
  }

  private static MethodHandle find() {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Class<?> utils = ArrowUtils.class;
    try {
      MethodHandle four =
          lookup.findStatic(
              utils,
              "toArrowSchema",
              MethodType.methodType(
                  Schema.class, StructType.class, String.class, boolean.class, boolean.class));
      return MethodHandles.insertArguments(four, 2, true, false);
    } catch (NoSuchMethodException | IllegalAccessException absent) {
      // a Spark without the four-parameter form: the five-parameter one below
    }
    try {
      MethodHandle five =
          lookup.findStatic(
              utils,
              "toArrowSchema",
              MethodType.methodType(
                  Schema.class,
                  StructType.class,
                  String.class,
                  boolean.class,
                  boolean.class,
                  boolean.class));
      boolean fifthDefault =
          (boolean)
              lookup
                  .findStatic(
                      utils, "toArrowSchema$default$5", MethodType.methodType(boolean.class))
                  .invokeExact();
      return MethodHandles.insertArguments(five, 2, true, false, fifthDefault);
    } catch (Throwable e) {
      throw new IllegalStateException(
          "this Spark version's org.apache.spark.sql.util.ArrowUtils has no"
              + " toArrowSchema(StructType, String, boolean, boolean[, boolean]); the connector supports Spark 4.1 to"
              + " 4.3",
          e);
    }
  }
}
