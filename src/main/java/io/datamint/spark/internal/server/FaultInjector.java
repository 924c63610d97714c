package io.datamint.spark.internal.server;

import java.util.Random;

/** Draws each request's faults from a generator seeded by the {@link FaultPlan}. */
final class FaultInjector {

  /** What happens to one request besides an optional delay. */
  enum Kind {
    NONE,
    DROP,
    TOO_MANY,
    SERVER_ERROR,
    TRUNCATE
  }

  /** One request's faults. */
  record Decision(long delayMs, Kind kind) {}

  private final FaultPlan plan;
  private final Random random;

  FaultInjector(FaultPlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
  }

  FaultPlan plan() {
    return plan;
  }

  /**
   * The next request's faults: always five draws, so decisions depend only on the request's rank.
   */
  Decision next() {
    double slow;
    double drop;
    double tooMany;
    double error;
    double truncate;
    synchronized (random) {
      slow = random.nextDouble();
      drop = random.nextDouble();
      tooMany = random.nextDouble();
      error = random.nextDouble();
      truncate = random.nextDouble();
    }
    long delay = slow < plan.slowRate() ? plan.slowMs() : 0;
    Kind kind = Kind.NONE;
    if (drop < plan.dropRate()) {
      kind = Kind.DROP;
    } else if (tooMany < plan.rate429()) {
      kind = Kind.TOO_MANY;
    } else if (error < plan.rate500()) {
      kind = Kind.SERVER_ERROR;
    } else if (truncate < plan.truncateRate()) {
      kind = Kind.TRUNCATE;
    }
    return new Decision(delay, kind);
  }
}
