# shellcheck shell=bash
# Shared launcher of the bin/ tools; source it, then call
#   datamint_launch MAIN_CLASS [ARGS...]
# It runs MAIN_CLASS with the build's class path (target/classes and the dependency list in
# target/classpath.txt, both written by 'mvn -q package -DskipTests'), so no Spark installation is needed,
# and with the JVM module flags Spark needs on Java 17+ (bin/lib/jvm-flags: one line, the same list as the
# pom's spark.jvm.flags property), less --add-modules=jdk.incubator.vector: no class on the tools' class path
# uses the Vector API (Spark adds the module for the BLAS of Spark ML, which the tools do not load), and resolving
# an incubator module makes the JVM print "WARNING: Using incubator modules" on every start.
# Extra JVM options can be given in DATAMINT_JAVA_OPTS (e.g. -Xmx4g).
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set, else java from PATH.

datamint_launch() {
  if [[ $# -lt 1 ]]; then
    echo "datamint_launch: missing main class" >&2
    return 2
  fi
  local main_class="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [[ ! -d "$root/target/classes" || ! -f "$root/target/classpath.txt" ]]; then
    echo "$(basename "$0"): the project is not built ($root/target/classes or target/classpath.txt is missing)." >&2
    echo "Build it first: (cd '$root' && mvn -q package -DskipTests)" >&2
    exit 1
  fi
  local -a jvm_flags=() extra_opts=()
  local -a all_flags=()
  read -r -a all_flags < "$root/bin/lib/jvm-flags" || true
  local flag
  for flag in "${all_flags[@]}"; do
    [[ "$flag" == "--add-modules=jdk.incubator.vector" ]] || jvm_flags+=("$flag")
  done
  read -r -a extra_opts <<< "${DATAMINT_JAVA_OPTS:-}" || true
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local java="java"
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  fi
  exec "$java" "${jvm_flags[@]}" "${extra_opts[@]}" \
    -cp "$root/target/classes:$(cat "$root/target/classpath.txt")" "$main_class" "$@"
}
