/** Test support shared by the suites: the one SparkSession per JVM, temporary mirrors, external tools. */
package io.datamint.spark.testing;
