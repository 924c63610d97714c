#!/usr/bin/env bash
# Runs the Python package's tests (python/tests, pytest) on Spark installations: for each one, installs the wheel
# that bin/lib/build-python-wheel.sh built (target/python/datamint_spark-<version>-py3-none-any.whl) into the
# installation's environment (pip --force-reinstall --no-deps), then runs `python -m pytest python/tests` from the
# repository root with that environment's python, SPARK_HOME set, SPARK_LOCAL_IP=127.0.0.1, PYSPARK_PYTHON = that
# python and JAVA_HOME = the Java the Maven build uses (JAVA_HOME, else the java on PATH). The tests use the jar the
# wheel carries (DATAMINT_SPARK_JAR is unset). The whole suite runs on every installation; a per-test limit
# (pytest-timeout, DATAMINT_PYTEST_TIMEOUT seconds, default 900) ends a hung test. With CI=true a skipped test fails
# the run (the JUnit XML in target/python-tests-spark-<version>.xml is checked), as does a run without tests.
# Tier: the whole suite on every installation. Measured here (2 cores): ~60 s per Spark version (3 min for 4.1.4,
# 4.2.1 and 4.3.0) with the 46 tests of 2026-12-05, before the training example and the notebooks; should one version
# take over ~4 minutes, run the full suite on the newest installation only and a subset on the others.
# Usage: bin/lib/python-tests.sh VERSION=SPARK_HOME|PYTHON ...   (the lines bin/lib/install-spark.sh prints)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [[ $# -eq 0 ]]; then
  echo "usage: bin/lib/python-tests.sh VERSION=SPARK_HOME|PYTHON ...   (the lines bin/lib/install-spark.sh prints)" >&2
  exit 2
fi
package_version="$(sed -n 's/^version = "\(.*\)"$/\1/p' python/pyproject.toml | head -1)"
wheel="$root/target/python/datamint_spark-$package_version-py3-none-any.whl"
if [[ ! -f "$wheel" ]]; then
  echo "error: $wheel is missing; build it first: bin/lib/build-python-wheel.sh PYTHON (after mvn package)" >&2
  exit 2
fi
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME
unset DATAMINT_SPARK_JAR

status=0
for installation in "$@"; do
  version="${installation%%=*}"
  rest="${installation#*=}"
  spark_home="${rest%%|*}"
  python="${rest#*|}"
  if [[ "$version" == "$installation" || "$spark_home" == "$rest" || ! -x "$python" || ! -d "$spark_home" ]]; then
    echo "error: '$installation' is not VERSION=SPARK_HOME|PYTHON of an installation" >&2
    exit 2
  fi
  echo "== Python tests on Spark $version ($python) =="
  "$python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
  report="$root/target/python-tests-spark-$version.xml"
  rm -f "$report"
  start=$SECONDS
  set +e
  SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python" \
    "$python" -m pytest python/tests -q -p no:cacheprovider -rs \
    --timeout="${DATAMINT_PYTEST_TIMEOUT:-900}" --junitxml="$report" -o junit_suite_name="spark-$version"
  result=$?
  set -e
  echo "Python tests on Spark $version: exit $result after $((SECONDS - start)) s"
  if [[ $result -ne 0 ]]; then
    status=1
  elif [[ "${CI:-}" == "true" ]]; then
    # pytest counts skips and xfails as skipped in the report; under CI nothing may be left out.
    if ! "$python" - "$report" <<'PY'; then
import sys
import xml.etree.ElementTree as ET

skipped = [
    f"{case.get('classname')}::{case.get('name')}: {skip.get('message', '')}"
    for case in ET.parse(sys.argv[1]).iter("testcase")
    for skip in case.findall("skipped")
]
if skipped:
    print(f"error: {len(skipped)} test(s) skipped, which CI=true does not allow:", *skipped, sep="\n  ")
    sys.exit(1)
PY
      status=1
    fi
  fi
done
exit $status
