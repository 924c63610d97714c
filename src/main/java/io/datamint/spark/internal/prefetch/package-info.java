/**
 * Cluster-wide prefetch, behind {@link io.datamint.spark.DatamintPrefetch}: {@code ProjectPrefetch}
 * mirrors a project from the Datamint API (or the part the read options select) to a Hadoop path in
 * the mirror format, with the downloads running on the executors, and returns a {@link
 * io.datamint.spark.prefetch.PrefetchReport}.
 *
 * <ul>
 *   <li>Driver: {@code ProjectFetch} reads the project's metadata once (keeping the server's JSON),
 *       the read path's {@link io.datamint.spark.internal.read.DatamintTable} selects the
 *       resources, {@code PrefetchPlan} turns them into file tasks with their SDK version ({@code
 *       SdkVersion}, over {@code util.PythonJson}) balanced over partitions, {@code PrefetchJob}
 *       runs them, and {@code OutputMirror} writes the metadata files.
 *   <li>Executors: {@link io.datamint.spark.internal.prefetch.PrefetchSource} (a DSv2 source
 *       internal to the job) plans one input partition per task group; {@code
 *       PrefetchPartitionReader} downloads them with a thread pool under the executor's {@code
 *       DownloadSlots}, through {@code FileDownloader} (skip when the {@code VersionRecord}
 *       matches, temporary file, size check, rename, record), and reports {@link
 *       io.datamint.spark.internal.prefetch.PrefetchMetrics}.
 * </ul>
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.prefetch;
