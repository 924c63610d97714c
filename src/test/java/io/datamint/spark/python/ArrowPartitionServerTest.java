package io.datamint.spark.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.SharedSpark;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The partition server's protocol, against a real session: what the Python package relies on. */
class ArrowPartitionServerTest {

  private static SparkSession spark;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.session();
  }

  /** A client speaking the protocol: the frames of one partition, as row counts per batch. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    Client(ArrowPartitionServer server, String secret) throws IOException {
      socket = new Socket(server.host(), server.port());
      in = new DataInputStream(socket.getInputStream());
      out = new DataOutputStream(socket.getOutputStream());
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
    }

    int handshake() throws IOException {
      return in.readInt();
    }

    /** Row counts of the partition's batches, or the failure message as an exception. */
    List<Integer> partition(int index) throws IOException {
      out.writeInt(index);
      out.flush();
      List<Integer> rows = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator()) {
        while (true) {
          long length = in.readLong();
          if (length == ArrowPartitionServer.END_OF_PARTITION) {
            return rows;
          }
          if (length == ArrowPartitionServer.PARTITION_FAILED) {
            byte[] message = in.readNBytes(in.readInt());
            throw new IllegalStateException(new String(message, StandardCharsets.UTF_8));
          }
          byte[] message = in.readNBytes((int) length);
          ReadChannel channel =
              new ReadChannel(Channels.newChannel(new ByteArrayInputStream(message)));
          try (ArrowRecordBatch batch =
              MessageSerializer.deserializeRecordBatch(channel, allocator)) {
            rows.add(batch.getLength());
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void servesEveryPartitionAsArrowBatchesAndEveryRowOnce() throws Exception {
    Dataset<Row> frame = spark.range(0, 1000, 1, 4).toDF("id");
    try (ArrowPartitionServer server = ArrowPartitionServer.start(frame, "127.0.0.1");
        Client client = new Client(server, server.secret())) {
      assertThat(server.numPartitions()).isEqualTo(4);
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(client.handshake()).isZero();
      int total = 0;
      for (int p = 0; p < server.numPartitions(); p++) {
        List<Integer> batches = client.partition(p);
        assertThat(batches).isNotEmpty();
        total += batches.stream().mapToInt(Integer::intValue).sum();
      }
      assertThat(total).isEqualTo(1000);
      // the same partition again: each request is its own job
      assertThat(client.partition(2).stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
    }
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    try (ArrowPartitionServer server =
            ArrowPartitionServer.start(spark.range(3).toDF(), "127.0.0.1");
        Client client = new Client(server, "0".repeat(64))) {
      assertThatThrownBy(client::handshake).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void aFailedPartitionIsReportedAndTheConnectionStaysUsable() throws Exception {
    Dataset<Row> frame =
        spark
            .range(0, 4, 1, 2)
            .selectExpr("CASE WHEN id = 1 THEN raise_error('row one is bad') ELSE id END AS v");
    try (ArrowPartitionServer server = ArrowPartitionServer.start(frame, "127.0.0.1");
        Client client = new Client(server, server.secret())) {
      assertThat(client.handshake()).isZero();
      assertThatThrownBy(() -> client.partition(0))
          .hasMessageStartingWith("partition 0 failed: ")
          .hasMessageContaining("row one is bad");
      assertThat(client.partition(1)).containsExactly(2);
      assertThatThrownBy(() -> client.partition(7))
          .hasMessage("no partition 7: the DataFrame has 2");
    }
  }

  @Test
  void theFailureMessageIsTheInnermostOne() {
    Exception wrapped =
        new SparkException(
            "Job aborted due to stage failure: ...", new IllegalArgumentException("the cause"));
    assertThat(ArrowPartitionServer.rootMessage(wrapped)).isEqualTo("the cause");
    assertThat(ArrowPartitionServer.rootMessage(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void closingStopsTheServer() throws Exception {
    ArrowPartitionServer server = ArrowPartitionServer.start(spark.range(3).toDF(), "127.0.0.1");
    int port = server.port();
    String secret = server.secret();
    server.close();
    // The freed port refuses connections. Two things that are no server may still answer on this
    // machine: the client itself, when the kernel gives it the freed port as its own (TCP connects
    // a socket to itself), and another listener (another test, another build) that took the port
    // meanwhile; neither can be this server, since two listeners do not share a port, and neither
    // answers its handshake. A server that still accepts, or takes a connection and stays silent,
    // fails here; three clients, since a half-stopped server may drop the first.
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(clientSending(secret, port)).isIn("refused", "itself", "closed", "not the server");
    }
  }

  /** What a client that connects to 127.0.0.1:{@code port} and sends {@code secret} meets. */
  private static String clientSending(String secret, int port) {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      } catch (IOException e) {
        return "refused";
      }
      if (socket.getLocalPort() == port) {
        return "itself";
      }
      socket.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
      return new DataInputStream(socket.getInputStream()).readInt() == 0
          ? "served"
          : "not the server";
    } catch (SocketTimeoutException e) {
      return "no answer";
    } catch (IOException e) {
      return "closed";
    }
  }
}
