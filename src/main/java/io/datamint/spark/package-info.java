/** The {@code datamint} Spark data source: read Datamint medical-imaging projects with Spark. */
package io.datamint.spark;
