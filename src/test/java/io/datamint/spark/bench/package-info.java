/**
 * The benchmark harness ({@code bin/datamint-bench}): throughput measured in one run beside its
 * ceiling and beside Spark's built-in sources, with the results written to {@code BENCHMARKS.md}.
 * Benchmarks are programs, not tests: nothing here runs in {@code mvn test}.
 */
package io.datamint.spark.bench;
