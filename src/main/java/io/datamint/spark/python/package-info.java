/**
 * What the {@code datamint_spark} Python package calls in the JVM, through the driver's py4j
 * gateway: {@link io.datamint.spark.python.PythonBridge} (sample projects, split saving, the
 * cluster prefetch, with arguments Python can pass) and {@link
 * io.datamint.spark.python.ArrowPartitionServer}, which streams the partitions of a DataFrame as
 * Arrow record batches to Python processes (PyTorch {@code DataLoader} workers, {@code torchrun}
 * ranks) that have no py4j connection of their own.
 *
 * <p>This package is part of the public API only as far as the Python package uses it; its wire
 * protocol is versioned together with that package, not promised to other clients.
 */
package io.datamint.spark.python;
