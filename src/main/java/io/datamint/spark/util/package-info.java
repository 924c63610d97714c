/** Small helpers with no domain of their own: Hadoop configuration shipping, name suggestions. */
package io.datamint.spark.util;
