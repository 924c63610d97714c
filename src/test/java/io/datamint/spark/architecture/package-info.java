/**
 * Tests of the code's shape: the package graph follows the documented one-way flow and has no
 * cycles.
 */
package io.datamint.spark.architecture;
