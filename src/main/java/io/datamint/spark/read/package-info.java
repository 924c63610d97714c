/**
 * The DataSource V2 read path: the {@code datamint} table provider and table, the scan builder with its
 * pushdowns (column pruning, predicates on resource attributes and tags, limit), the scan and its input
 * partitions, and the partition readers that build rows in the executors.
 */
package io.datamint.spark.read;
