package io.datamint.spark.internal.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A small read-only table whose rows are built on the driver: a scan returns them as one partition.
 * Meant for metadata tables of a few thousand rows at most.
 */
public final class InMemoryTable implements SupportsRead {

  private final String name;
  private final StructType schema;
  private final java.util.function.Supplier<List<InternalRow>> source;
  private List<InternalRow> rows;
  private final Map<String, String> properties;

  /**
   * @param name the table's display name
   * @param schema the schema every row follows
   * @param rows the rows (copied)
   * @param properties the table properties shown by {@code DESCRIBE TABLE EXTENDED}
   */
  public InMemoryTable(
      String name, StructType schema, List<InternalRow> rows, Map<String, String> properties) {
    this(name, schema, () -> rows, properties);
  }

  /**
   * A table whose rows are built at the first scan, so that {@code DESCRIBE} (schema and
   * properties) reads nothing.
   *
   * @param rows builds the rows (called once, at the first scan)
   */
  public InMemoryTable(
      String name,
      StructType schema,
      java.util.function.Supplier<List<InternalRow>> rows,
      Map<String, String> properties) {
    this.name = name;
    this.schema = schema;
    this.source = rows;
    this.properties = Map.copyOf(properties);
  }

  private synchronized List<InternalRow> built() {
    if (rows == null) {
      rows = new ArrayList<>(source.get());
    }
    return rows;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  /** The rows, as the scan returns them. */
  public List<InternalRow> rows() {
    return List.copyOf(built());
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new RowsScan(name, schema, new ArrayList<>(built()));
  }

  /** Scan builder, scan and batch at once: there is nothing to push down. */
  private record RowsScan(String name, StructType schema, ArrayList<InternalRow> rows)
      implements ScanBuilder, Scan, Batch {

    @Override
    public Scan build() {
      return this;
    }

    @Override
    public StructType readSchema() {
      return schema;
    }

    @Override
    public String description() {
      return name + " (" + rows.size() + " rows built on the driver)";
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
      return new InputPartition[] {new RowsPartition(rows)};
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new RowsReaderFactory();
    }
  }

  /** The one partition: all rows. */
  private record RowsPartition(ArrayList<InternalRow> rows)
      implements InputPartition, Serializable {}

  private static final class RowsReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      List<InternalRow> rows = ((RowsPartition) partition).rows();
      return new PartitionReader<>() {
        private int next = -1;

        @Override
        public boolean next() {
          next++;
          return next < rows.size();
        }

        @Override
        public InternalRow get() {
          return rows.get(next);
        }

        @Override
        public void close() {}
      };
    }
  }
}
