package io.datamint.spark.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM started by {@link StandaloneCluster} and {@link ClusterDriver}:
 * {@code OrphanGuard <main class> <args...>} runs the real main class and makes sure the child dies
 * with the test JVM.
 *
 * <p>The parent keeps the child's stdin open and never writes to it. When the parent goes away
 * (normally or by {@code kill -9}) the pipe reaches end-of-file, and this class calls {@link
 * System#exit}, so Spark's shutdown hooks still run (a Worker then kills its executors). When the
 * real main returns, the JVM exits with status 0 even if Spark left non-daemon threads behind; when
 * it throws, with status 1.
 */
public final class OrphanGuard {

  private OrphanGuard() {}

  /**
   * Runs {@code args[0]}'s {@code main} with the remaining arguments.
   *
   * @param args the main class, then its arguments
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: OrphanGuard <main class> [args...]");
      System.exit(2);
    }
    Thread watcher = new Thread(OrphanGuard::exitWhenParentGoesAway, "orphan-guard");
    watcher.setDaemon(true);
    watcher.start();

    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    int status = 0;
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      System.err.println("[OrphanGuard] " + args[0] + " failed:");
      e.getCause().printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  private static void exitWhenParentGoesAway() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent never writes; keep draining just in case
      }
    } catch (IOException e) {
      // treat a broken pipe like end-of-file
    }
    System.err.println("[OrphanGuard] parent JVM went away (stdin closed); exiting");
    System.exit(143);
  }
}
