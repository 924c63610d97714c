package io.datamint.spark.internal.plan;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** One input partition: consecutive planned resources, with their estimated total bytes. */
public record ResourcePartition(int index, List<PlannedResource> resources, long estimatedBytes)
    implements InputPartition {}
