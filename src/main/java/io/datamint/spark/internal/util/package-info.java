/**
 * Small helpers with no domain of their own: Hadoop configuration shipping, name suggestions, build
 * versions, UI metric bases, and CPython's {@code json.dumps} text ({@code PythonJson}) that the
 * SDK hashes.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.util;
