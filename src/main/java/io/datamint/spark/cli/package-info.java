/**
 * The {@code bin/datamint-sql} command-line tool: runs Spark SQL statements with the {@code datamint} catalog
 * and data source available and prints the result of the last statement.
 *
 * <ul>
 *   <li>{@link io.datamint.spark.cli.SqlCommandLine} parses the arguments;
 *   <li>{@link io.datamint.spark.cli.SqlScript} splits a script into statements;
 *   <li>{@link io.datamint.spark.cli.ResultPrinter} prints a result as an ASCII table or JSON lines;
 *   <li>{@link io.datamint.spark.cli.SqlCli} is the entry point, which starts a Spark session and runs the
 *       statements.
 * </ul>
 *
 * <p>Only results go to standard output; logs, warnings and errors go to standard error, so the output of
 * {@code --format json} can be piped into other tools.
 */
package io.datamint.spark.cli;
