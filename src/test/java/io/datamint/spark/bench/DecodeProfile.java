package io.datamint.spark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a read's CPU time goes: an action repeated under a JFR recording of execution samples,
 * aggregated over Spark's task threads and the connector's decode threads into the methods on top
 * of the stack (self) and the methods anywhere on it (total), the latter limited to the connector
 * and the codecs it calls.
 */
final class DecodeProfile {

  /** JFR's sampling period. */
  static final int PERIOD_MS = 2;

  private static final int TOP = 10;

  /** Packages whose frames count in the total column. */
  private static final List<String> TOTAL_PACKAGES =
      List.of(
          "io.datamint.",
          "javax.imageio.",
          "com.sun.imageio.",
          "java.util.zip.",
          "org.apache.arrow.",
          "org.bytedeco.",
          "jdk.incubator.vector.");

  /** One format's samples. */
  record Profile(
      int allSamples,
      int samples,
      Map<String, Integer> self,
      Map<String, Integer> total,
      int decodeSamples) {

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append(
          String.format(
              Locale.ROOT,
              "%d samples on the task and decode threads (of %d on all the JVM's threads: driver,"
                  + " scheduler, RPC and the idle threads waiting in native code); %.0f%% of them have a frame of"
                  + " `io.datamint.spark.internal.decode` on the stack.%n%n",
              samples,
              allSamples,
              pct(decodeSamples)));
      md.append(
          "| self % | top frame | | total % | connector / codec frame |\n|---:|---|---|---:|---|\n");
      List<Map.Entry<String, Integer>> s = top(self);
      List<Map.Entry<String, Integer>> t = top(total);
      for (int i = 0; i < Math.max(s.size(), t.size()); i++) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | | %s | %s |%n",
                i < s.size() ? String.format(Locale.ROOT, "%.1f", pct(s.get(i).getValue())) : "",
                i < s.size() ? "`" + s.get(i).getKey() + "`" : "",
                i < t.size() ? String.format(Locale.ROOT, "%.1f", pct(t.get(i).getValue())) : "",
                i < t.size() ? "`" + t.get(i).getKey() + "`" : ""));
      }
      return md.toString();
    }

    private double pct(int n) {
      return samples == 0 ? 0 : 100.0 * n / samples;
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
      return counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
          .limit(TOP)
          .toList();
    }
  }

  private DecodeProfile() {}

  /** Repeats {@code action} for {@code seconds} under a recording and aggregates its samples. */
  static Profile record(double seconds, Stopwatch.Action action) throws Exception {
    action.run(); // warm
    Path file = Files.createTempFile("datamint-profile-", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(PERIOD_MS));
      recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(PERIOD_MS));
      recording.start();
      long end = System.nanoTime() + (long) (seconds * 1e9);
      do {
        action.run();
      } while (System.nanoTime() < end);
      recording.stop();
      recording.dump(file);
    }
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    int decode = 0;
    int all = 0;
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    for (RecordedEvent event : events) {
      String type = event.getEventType().getName();
      if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
        continue;
      }
      RecordedThread sampled = event.getThread("sampledThread");
      String thread = sampled == null ? null : sampled.getJavaName();
      all++;
      RecordedStackTrace stack = event.getStackTrace();
      if (!executorSide(thread) || stack == null) {
        continue;
      }
      List<RecordedFrame> frames = stack.getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      boolean inDecode = false;
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        inDecode |= name.startsWith("io.datamint.spark.internal.decode.");
        if (TOTAL_PACKAGES.stream().anyMatch(name::startsWith) && seen.add(name)) {
          total.merge(name, 1, Integer::sum);
        }
      }
      decode += inDecode ? 1 : 0;
    }
    Files.deleteIfExists(file);
    return new Profile(all, samples, self, total, decode);
  }

  /**
   * Spark's task threads (JFR keeps the name a thread had when first seen: "Executor task launch
   * worker ..." or "Executor task idle worker#N") and the decode threads the connector runs a
   * decode on under its time limit ("datamint-...").
   */
  private static boolean executorSide(String thread) {
    return thread != null && (thread.startsWith("Executor task") || thread.startsWith("datamint-"));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
