/**
 * Runnable example jobs; {@code bin/datamint-quickstart} runs {@link
 * io.datamint.spark.examples.Quickstart}.
 */
package io.datamint.spark.examples;
