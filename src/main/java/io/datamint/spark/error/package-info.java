/**
 * The connector's exceptions: {@link io.datamint.spark.error.DatamintException} and its three
 * families, option, source and data errors. The bottom of the package graph: every other package
 * may throw them, this one imports none of them.
 */
package io.datamint.spark.error;
