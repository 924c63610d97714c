/**
 * Small helpers with no domain of their own: Hadoop configuration shipping, name suggestions, build
 * versions.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.util;
