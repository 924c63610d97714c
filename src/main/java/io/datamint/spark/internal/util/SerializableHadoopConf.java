package io.datamint.spark.internal.util;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that can travel to executors (it is {@code Writable}, not {@code
 * Serializable}). Shipped once per scan inside the reader factory, so that executors open files
 * with the driver's settings (credentials for S3, HDFS addresses) without any global state.
 */
public final class SerializableHadoopConf implements Serializable {

  private static final long serialVersionUID = 1L;

  private transient Configuration conf;

  public SerializableHadoopConf(Configuration conf) {
    this.conf = conf;
  }

  /** The configuration; do not mutate it. */
  public Configuration get() {
    return conf;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(in);
  }
}
