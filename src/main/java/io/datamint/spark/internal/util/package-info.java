/**
 * Small helpers with no domain of their own: Hadoop configuration shipping, name suggestions, build
 * versions.
 */
package io.datamint.spark.internal.util;
