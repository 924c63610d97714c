/** Tests of the runnable example jobs, run as users run them. */
package io.datamint.spark.examples;
