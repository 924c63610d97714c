#!/usr/bin/env bash
# bin/datamint-bench partition-scaling --standalone-workers ...: the benchmark's driver runs on the Spark runtime of
# the newest PySpark installation of bin/lib/spark-versions (bin/lib/install-spark.sh), as the Master, the Workers
# and their executors do (a driver and executors of different Spark patch releases cannot exchange tasks): its class
# path is the build's classes, the connector's run-time dependencies and the test libraries that the installation does
# not ship (by artifact name: Maven's class path also holds Spark's own jars, through test dependencies), then
# $SPARK_HOME/jars/*. The executors load the connector from the self-contained jar this builds.
# Usage: bin/lib/bench-on-installation.sh BENCHMARK ARGS... (the arguments of bin/datamint-bench, checked there)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
newest="$(grep -v '^#' bin/lib/spark-versions | grep -v '^[[:space:]]*$' | tail -1)"
homes=("${DATAMINT_SPARK_CACHE:-$HOME/.cache/datamint-spark}/pyspark-$newest"/lib/python3*/site-packages/pyspark)
spark_home="${homes[0]}"
if [[ ! -x "$spark_home/bin/spark-class" ]]; then
  echo "error: no PySpark $newest installation with bin/spark-class at $spark_home; install it with" \
    "bin/lib/install-spark.sh $newest" >&2
  exit 2
fi
mvn -q -B package -DskipTests
mvn -q -B dependency:build-classpath -DexcludeScope=provided \
  -Dmdep.outputFile=target/installation-test-classpath.txt
shipped="$(ls "$spark_home/jars" | sed -E 's/-[0-9][^/]*\.jar$//' | sort -u)"
own="$(tr ':' '\n' < target/installation-test-classpath.txt |
  awk -v shipped="$shipped" 'BEGIN { n = split(shipped, a, "\n"); for (i = 1; i <= n; i++) s[a[i]] = 1 }
    { k = split($0, p, "/"); if (!((p[k - 2]) in s)) print }' | paste -sd:)"
read -r -a jvm_flags < bin/lib/jvm-flags
SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" java "${jvm_flags[@]}" -Xmx4g \
  -cp "target/test-classes:target/classes:$own:$spark_home/jars/*" \
  io.datamint.spark.bench.BenchmarkMain "$@"
