/**
 * Tests that keep the documentation honest: the SQL of the README, {@code docs/} and {@code
 * examples/} is extracted and run as written against sample projects.
 */
package io.datamint.spark.docs;
