package io.datamint.spark.python;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the partitions of one DataFrame, each as the Arrow record batches Spark's own {@code
 * toArrow()} produces, to any process that knows the server's port and secret: the PyTorch data
 * pipeline of the Python package reads one partition at a time in each {@code DataLoader} worker or
 * distributed rank, so no process holds the dataset and none needs a py4j connection.
 *
 * <p>Each request runs one Spark job over one partition (executors decode and convert to Arrow);
 * the driver holds that partition's batches only while it writes them to the socket. Requests on
 * different connections run concurrently, so two workers keep two executor cores busy.
 *
 * <p>Protocol (all integers big-endian). The client opens a TCP connection and sends the secret
 * (int32 length, UTF-8 bytes); the server answers int32 {@code 0}, or closes the connection on a
 * wrong secret. Then, any number of times, the client sends an int32 partition index and the server
 * answers a sequence of frames: int64 {@code n >= 0} followed by {@code n} bytes, one encapsulated
 * Arrow IPC record-batch message (no schema: the client has it from the DataFrame's schema); int64
 * {@code -1}, the end of the partition; or int64 {@code -2}, int32 length and a UTF-8 message, the
 * partition failed (the connection stays usable). A client sends {@code -1} as the index, or closes
 * the connection, when it is done.
 */
public final class ArrowPartitionServer implements AutoCloseable {

  /** Frame length announcing the end of a partition. */
  static final long END_OF_PARTITION = -1;

  /** Frame length announcing that the partition failed; a message follows. */
  static final long PARTITION_FAILED = -2;

  private static final Logger LOG = LoggerFactory.getLogger(ArrowPartitionServer.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final SecureRandom SECRETS = new SecureRandom();

  private final JavaRDD<byte[]> batches;
  private final String description;
  private final ServerSocket listener;
  private final byte[] secret;
  private final ExecutorService connections;

  private ArrowPartitionServer(
      JavaRDD<byte[]> batches, String description, ServerSocket listener, byte[] secret) {
    this.batches = batches;
    this.description = description;
    this.listener = listener;
    this.secret = secret;
    this.connections =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(task, "datamint-arrow-partitions-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Plans {@code frame} and starts serving its partitions.
   *
   * @param frame a DataFrame of a classic (non-Connect) Spark session
   * @param bindHost the address to listen on: {@code 127.0.0.1} for processes on the driver's
   *     machine (DataLoader workers, local {@code torchrun}), the driver's address for ranks on
   *     executors
   * @return the running server; {@link #close()} it when the data pipeline is done
   * @throws IllegalArgumentException if {@code frame} is not a classic Spark DataFrame
   * @throws IOException if the address cannot be bound
   */
  public static ArrowPartitionServer start(Dataset<Row> frame, String bindHost) throws IOException {
    Objects.requireNonNull(frame, "frame");
    if (!(frame instanceof org.apache.spark.sql.classic.Dataset<Row> classic)) {
      throw new IllegalArgumentException(
          "the Arrow partition server needs a DataFrame of a classic Spark session (PySpark with"
              + " a JVM driver); this one is a "
              + frame.getClass().getName()
              + " (Spark Connect is not supported: read its Arrow batches with DataFrame.toArrow())");
    }
    RDD<byte[]> rdd = classic.toArrowBatchRdd();
    JavaRDD<byte[]> batches =
        JavaRDD.fromRDD(rdd, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
    byte[] secret = new byte[32];
    SECRETS.nextBytes(secret);
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getByName(bindHost), 0));
    ArrowPartitionServer server =
        new ArrowPartitionServer(
            batches,
            "datamint: Arrow partitions of " + rdd.name() + " for Python",
            listener,
            secret);
    server.connections.execute(server::acceptLoop);
    LOG.info(
        "serving the {} partitions of a DataFrame as Arrow batches on {}:{}",
        rdd.getNumPartitions(),
        bindHost,
        listener.getLocalPort());
    return server;
  }

  /** The number of partitions a client may request, {@code 0} to {@code numPartitions() - 1}. */
  public int numPartitions() {
    return batches.getNumPartitions();
  }

  /** The port the server listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The address the server listens on. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  /** The secret a client sends first, hex. */
  public String secret() {
    return HexFormat.of().formatHex(secret);
  }

  /** Stops accepting connections and closes the open ones; running jobs finish on their own. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      LOG.debug("closing the Arrow partition server's socket", e);
    }
    connections.shutdownNow();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.warn("the Arrow partition server stopped accepting connections", e);
        }
        return;
      }
      try {
        connections.execute(() -> serve(socket));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        closeQuietly(socket);
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16))) {
      socket.setTcpNoDelay(true);
      if (!authenticate(in)) {
        LOG.warn("refused a connection to the Arrow partition server: wrong secret");
        return;
      }
      out.writeInt(0);
      out.flush();
      while (true) {
        int partition = in.readInt();
        if (partition < 0) {
          return;
        }
        writePartition(partition, out);
        out.flush();
      }
    } catch (EOFException | SocketException closed) {
      LOG.debug("an Arrow partition client went away", closed);
    } catch (IOException e) {
      LOG.warn("an Arrow partition connection failed", e);
    }
  }

  private boolean authenticate(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length <= 0 || length > 1024) {
      return false;
    }
    byte[] given = in.readNBytes(length);
    byte[] expected = secret().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }

  private void writePartition(int partition, DataOutputStream out) throws IOException {
    if (partition >= numPartitions()) {
      fail(out, "no partition " + partition + ": the DataFrame has " + numPartitions());
      return;
    }
    List<byte[]> partitionBatches;
    JavaSparkContext context = JavaSparkContext.fromSparkContext(batches.context());
    context.setJobDescription(description + ", partition " + partition);
    try {
      partitionBatches = batches.collectPartitions(new int[] {partition})[0];
    } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
      LOG.debug("partition {} failed", partition, e);
      fail(out, "partition " + partition + " failed: " + rootMessage(e));
      return;
    }
    for (byte[] batch : partitionBatches) {
      out.writeLong(batch.length);
      out.write(batch);
    }
    out.writeLong(END_OF_PARTITION);
  }

  private static void fail(DataOutputStream out, String message) throws IOException {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    out.writeLong(PARTITION_FAILED);
    out.writeInt(text.length);
    out.write(text);
  }

  /**
   * The failure's own message, without the stage and task details Spark wraps around it (a FAILFAST
   * read's decode error, a lost source): the innermost cause that has a message.
   */
  static String rootMessage(Throwable failure) {
    String message = failure.getClass().getName();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return message;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing a refused connection", e);
    }
  }
}
