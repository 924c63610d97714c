package io.datamint.spark.internal.prefetch;

import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One prefetch job as a table of result rows; reading it runs the downloads. */
final class PrefetchTable implements SupportsRead {

  private final PrefetchJobSpec spec;

  PrefetchTable(PrefetchJobSpec spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return "datamint_prefetch";
  }

  @Override
  public StructType schema() {
    return PrefetchRows.SCHEMA;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return () -> new PrefetchScan(spec);
  }
}
