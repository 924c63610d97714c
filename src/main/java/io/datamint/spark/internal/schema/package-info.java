/**
 * The table's columns: their names (the SDK's item keys), Spark types, and how each is filled from
 * a planned resource. One definition serves the schema, the row assembler and predicate pushdown.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.schema;
