/**
 * Typed views of the Datamint JSON entities (project, resource, annotation, worklist, split
 * assignment), parsed with the Python SDK's rules: short and long annotation keys, scope inference,
 * resource kind detection, frame counts and patient ids. Unknown JSON fields are ignored; missing
 * optional fields are null.
 */
package io.datamint.spark.internal.api.model;
