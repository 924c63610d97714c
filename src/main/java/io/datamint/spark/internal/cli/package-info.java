/**
 * The command-line tools {@code bin/datamint-sql}, which runs Spark SQL statements with the {@code
 * datamint} catalog and data source available and prints the result of the last statement, and
 * {@code bin/datamint-prefetch} ({@link io.datamint.spark.internal.cli.PrefetchCli}, {@link
 * io.datamint.spark.internal.cli.PrefetchCommandLine}), which mirrors a project from the Datamint
 * API with {@link io.datamint.spark.internal.prefetch.ProjectPrefetch} (what {@code
 * io.datamint.spark.DatamintPrefetch} runs).
 *
 * <ul>
 *   <li>{@link io.datamint.spark.internal.cli.SqlCommandLine} parses the arguments;
 *   <li>{@link io.datamint.spark.internal.cli.SqlScript} splits a script into statements;
 *   <li>{@link io.datamint.spark.internal.cli.ResultPrinter} prints a result as an ASCII table or
 *       JSON lines;
 *   <li>{@link io.datamint.spark.internal.cli.SqlCli} is the entry point, which starts a Spark
 *       session and runs the statements.
 *   <li>{@link io.datamint.spark.internal.cli.PrefetchCli} is the entry point of the prefetch.
 * </ul>
 *
 * <p>Only results go to standard output; logs, warnings and errors go to standard error, so the
 * output of {@code --format json} can be piped into other tools.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.cli;
