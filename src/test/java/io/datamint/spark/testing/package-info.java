/**
 * Test support shared by the suites: the one SparkSession per JVM, temporary mirrors, external
 * tools, and the cluster tier ({@link io.datamint.spark.testing.StandaloneCluster}, {@link
 * io.datamint.spark.testing.ClusterDriver}, {@link io.datamint.spark.testing.ClusterSession}): a
 * real Spark standalone Master and Worker in child JVMs, driven by a driver in yet another JVM.
 */
package io.datamint.spark.testing;
