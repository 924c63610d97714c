/**
 * Split assignment, as the SDK's {@code split()} does it: {@link
 * io.datamint.spark.internal.split.SplitMode} picks the mode from the options (the connector only
 * splits when asked), {@link io.datamint.spark.internal.split.LocalSplit} reproduces the SDK's
 * local random split bit for bit with {@link io.datamint.spark.internal.split.PythonRandom}
 * (CPython's {@code random.Random}), {@link io.datamint.spark.internal.split.ProjectSplits}
 * resolves project-scoped assignments as of an instant, and {@link
 * io.datamint.spark.internal.split.TagSplits} reads the legacy {@code split:*} tags. Pure logic, no
 * Spark.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.split;
