package io.datamint.spark.internal.read;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.types.StructType;

/**
 * A read of a project whose columns are known before its {@link DatamintTable} is made (see {@link
 * DatamintTables#defer}): the table (the project's snapshot, the resource selection, the splits) is
 * made at the first call of {@link #table()}, once, and must have the columns announced, since
 * Spark fixed them from {@link #schema()}.
 */
public final class DeferredTable {

  private final String name;
  private final StructType schema;
  private final Supplier<DatamintTable> make;
  private final Object lock = new Object();
  private DatamintTable table;

  private DeferredTable(String name, StructType schema, Supplier<DatamintTable> make) {
    this.name = name;
    this.schema = schema;
    this.make = make;
  }

  /** A table already made: its columns are its own. */
  static DeferredTable made(DatamintTable table) {
    DeferredTable deferred = new DeferredTable(table.name(), table.schema(), () -> table);
    deferred.table = table;
    return deferred;
  }

  /**
   * A table made by {@code make} when first needed.
   *
   * @param name the read's project, for the message when the table made has other columns
   * @param schema the columns the table will have
   * @param make makes the table
   */
  static DeferredTable of(String name, StructType schema, Supplier<DatamintTable> make) {
    return new DeferredTable(name, schema, Objects.requireNonNull(make, "make"));
  }

  /** The columns, known without making the table. */
  public StructType schema() {
    return schema;
  }

  /** Whether the table was made (a read of the project's resources and annotations happened). */
  public boolean isMade() {
    synchronized (lock) {
      return table != null;
    }
  }

  /**
   * The table, made at the first call.
   *
   * @throws IllegalStateException when the table made has other columns than {@link #schema()} (the
   *     project's worklists changed on the source meanwhile, or a bug)
   */
  public DatamintTable table() {
    synchronized (lock) {
      if (table == null) {
        DatamintTable madeNow = make.get();
        if (!madeNow.schema().equals(schema)) {
          throw new IllegalStateException(
              "the columns of "
                  + name
                  + " differ from those its table announced when it was loaded (the project's "
                  + "worklists changed since, or this is a bug; REFRESH TABLE and run the query "
                  + "again): announced "
                  + schema.simpleString()
                  + ", read "
                  + madeNow.schema().simpleString());
        }
        table = madeNow;
      }
      return table;
    }
  }
}
