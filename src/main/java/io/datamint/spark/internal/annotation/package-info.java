/**
 * Annotation targets, as the Datamint SDK computes them (reference {@code datamint-sdk.md}
 * §2.1-2.3, §2.8-2.9): the label sets and codes of a read ({@link
 * io.datamint.spark.internal.annotation.LabelSchema}, built on the driver by {@link
 * io.datamint.spark.internal.annotation.LabelSchemaBuilder} from the project's worklists or
 * inferred from the data), the annotation filters ({@link
 * io.datamint.spark.internal.annotation.AnnotationFilter}), and the per-row targets {@link
 * io.datamint.spark.internal.annotation.ImageLabels}, {@link
 * io.datamint.spark.internal.annotation.ImageCategories} and {@link
 * io.datamint.spark.internal.annotation.FrameLabels} with their {@link
 * io.datamint.spark.internal.annotation.MergeStrategy}.
 *
 * <p>Pure logic without Spark. The schema and the filter are immutable and serializable: they are
 * built once on the driver and travel to the executors. Unlike the SDK, nothing here mutates the
 * label sets at item time.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.annotation;
