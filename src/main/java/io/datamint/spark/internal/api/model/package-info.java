/**
 * Typed views of the Datamint JSON entities (project, resource, annotation, worklist, split
 * assignment), parsed with the Python SDK's rules: short and long annotation keys, scope inference,
 * resource kind detection, frame counts and patient ids. Unknown JSON fields are ignored; missing
 * optional fields are null. Every field is read through {@link
 * io.datamint.spark.internal.api.model.JsonFields} with its type: an essential field of the wrong
 * type is an error, another one is counted in {@link
 * io.datamint.spark.internal.api.model.MetadataIssues} and read as absent (docs/metadata.md).
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.api.model;
