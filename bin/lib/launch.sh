# shellcheck shell=bash
# Sourced by the bin/ scripts. Provides:
#   datamint_launch MAIN_CLASS [ARGS...]
# which runs MAIN_CLASS on the build's class path (target/classes plus target/classpath.txt, written by
# 'mvn -q package -DskipTests') with the JVM flags of bin/lib/jvm-flags (the pom's spark.jvm.flags).
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set, else java from PATH.

datamint_launch() {
  local main_class="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [[ ! -d "$root/target/classes" || ! -f "$root/target/classpath.txt" ]]; then
    echo "run 'mvn -q package -DskipTests' first" >&2
    exit 2
  fi
  local -a jvm_flags=()
  read -r -a jvm_flags < "$root/bin/lib/jvm-flags" || true
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local java="java"
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  fi
  exec "$java" "${jvm_flags[@]}" -cp "$root/target/classes:$(cat "$root/target/classpath.txt")" \
    "$main_class" "$@"
}
