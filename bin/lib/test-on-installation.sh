#!/usr/bin/env bash
# Runs the test suite (target/test-classes, compiled against the baseline Spark by a previous `mvn test-compile`)
# on the Spark runtime of a real installation instead of the Maven one: the class path is the build's own classes,
# the connector's run-time dependencies and the test libraries, then $SPARK_HOME/jars/* (Spark, Scala, Hadoop,
# Arrow, Jackson... exactly as that installation ships them). This is how the suite runs on Spark 4.3, whose parent
# POM the Maven Central served here lacks, so Maven cannot resolve spark-sql 4.3.0 as a dependency.
# Usage: bin/lib/test-on-installation.sh SPARK_HOME [JUnit console selectors, e.g. --select-class=...; default all]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
spark_home="$1"
shift
if [[ ! -d "$spark_home/jars" ]]; then
  echo "error: $spark_home/jars does not exist; give the SPARK_HOME of an installation (bin/lib/install-spark.sh)" >&2
  exit 2
fi
if [[ ! -d target/test-classes ]]; then
  echo "error: target/test-classes is missing; run 'mvn test-compile' first" >&2
  exit 2
fi
mvn -q -B -ntp dependency:build-classpath -DexcludeScope=provided \
  -Dmdep.outputFile=target/installation-test-classpath.txt
# Spark and everything it brings are the installation's: a Spark jar of the build's own version on this class path
# would come before $SPARK_HOME/jars and be what the suite runs on (the plugin's property is excludeScope; an
# mdep.-prefixed one is silently ignored).
if tr ':' '\n' < target/installation-test-classpath.txt | grep -q '/org/apache/spark/'; then
  echo "error: target/installation-test-classpath.txt holds Spark jars of the build; the suite would not run on" \
    "$spark_home's runtime" >&2
  exit 1
fi
read -r -a jvm_flags < bin/lib/jvm-flags
version="$(ls "$spark_home/jars" | sed -n 's/^spark-core_2.13-\(.*\)\.jar$/\1/p')"
log="target/installation-tests-spark-$version.log"
if [[ $# -gt 0 ]]; then
  selectors=("$@")
else
  # The cluster tier (@Tag("cluster")) builds its standalone cluster from the build's own class path, which is not
  # this one; on installations the deployment tests (SparkSubmitIT) start each installation's own cluster instead.
  # The benchmarks (package io.datamint.spark.bench) are left to bin/datamint-bench, as in mvn test. The fuzz tests
  # (@FuzzTest, tagged jazzer) need no Spark and attach Jazzer's agent to their JVM: mvn test replays them in a JVM
  # of their own. The tests tagged spark-independent load nothing that changes with Spark, and those tagged tool run
  # bin/ tools, which use the Maven build's class path and not this runtime: both are the baseline run's
  # (architecture.TestTiersTest checks the tags).
  selectors=(--scan-class-path target/test-classes --include-classname '^.*Tests?$' --exclude-tag cluster
    --exclude-tag jazzer --exclude-tag spark-independent --exclude-tag tool --exclude-package io.datamint.spark.bench)
fi
echo "running the suite on the Spark $version runtime of $spark_home (output in $log)"
set +e
SPARK_LOCAL_IP=127.0.0.1 java "${jvm_flags[@]}" -Xmx3g \
  -Ddatamint.test.corpus="$root/testdata/corpus" -Ddatamint.test.basedir="$root" \
  -Ddatamint.test.jvmFlags="$(cat bin/lib/jvm-flags)" \
  -cp "target/test-classes:target/classes:$(cat target/installation-test-classpath.txt):$spark_home/jars/*" \
  org.junit.platform.console.ConsoleLauncher execute \
  --disable-banner --details=summary --fail-if-no-tests "${selectors[@]}" \
  > "$log" 2>&1
status=$?
set -e
grep -E "tests (successful|failed|aborted|skipped|found)|containers failed" "$log" || true
if [[ $status -ne 0 ]]; then
  grep -B2 -A12 -E "MethodSource|JUnit Jupiter:.*✘" "$log" | head -200 || true
  echo "the suite failed on Spark $version (exit $status); the whole output is in $log" >&2
fi
exit $status
