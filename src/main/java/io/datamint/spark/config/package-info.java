/**
 * Read options: every key a documented constant of {@link io.datamint.spark.config.DatamintOptions}, resolved
 * once on the driver from the per-read options, the {@code spark.datamint.*} session conf and the
 * {@code DATAMINT_API_URL} / {@code DATAMINT_API_KEY} environment, validated with messages that name the option,
 * the value, the closest valid name and what is accepted.
 */
package io.datamint.spark.config;
