/**
 * Split assignment, as the SDK's {@code split()} does it: {@link io.datamint.spark.split.SplitMode}
 * picks the mode from the options (the connector only splits when asked), {@link
 * io.datamint.spark.split.LocalSplit} reproduces the SDK's local random split bit for bit with
 * {@link io.datamint.spark.split.PythonRandom} (CPython's {@code random.Random}), {@link
 * io.datamint.spark.split.ProjectSplits} resolves project-scoped assignments as of an instant, and
 * {@link io.datamint.spark.split.TagSplits} reads the legacy {@code split:*} tags. Pure logic, no
 * Spark.
 */
package io.datamint.spark.split;
