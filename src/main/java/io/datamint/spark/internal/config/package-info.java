/**
 * Read options: every key defined once in {@link io.datamint.spark.internal.config.OptionSpecs}
 * (name, type, default, accepted values, documentation), resolved into the immutable {@link
 * io.datamint.spark.internal.config.DatamintOptions} once on the driver from the per-read options,
 * the {@code spark.datamint.*} session conf and the {@code DATAMINT_API_URL} / {@code
 * DATAMINT_API_KEY} environment, validated with messages that name the option, the value, the
 * closest valid name and what is accepted.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.config;
