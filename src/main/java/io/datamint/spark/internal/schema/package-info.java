/**
 * The table's columns: their names (the SDK's item keys), Spark types, and how each is filled from
 * a planned resource. One definition serves the schema, the row assembler and predicate pushdown.
 */
package io.datamint.spark.internal.schema;
