/**
 * Deployment tests: the connector as Spark users run it, on real Spark installations (PySpark from
 * PyPI, which ships {@code spark-submit} and a full runtime), never on the build's class path.
 * {@code bin/test} installs the versions of {@code bin/lib/spark-versions} and runs these tests
 * (failsafe, {@code *IT}) after {@code mvn install} has built the self-contained jar and put the
 * thin jar and its POM into the local Maven repository.
 */
package io.datamint.spark.deploy;
