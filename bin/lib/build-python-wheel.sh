#!/usr/bin/env bash
# Builds the wheel of the Python package (python/, import name datamint_spark) with the connector's self-contained
# jar inside: after `mvn package`, copies target/datamint-spark_2.13-<version>-all.jar into
# python/datamint_spark/jars/ (gitignored; older jars there are removed), builds the wheel with the given python
# (`pip wheel --no-deps ./python -w target/python`) and prints its absolute path. The jar stays in
# python/datamint_spark/jars/, so `pip install ./python` carries it too. Fails when pyproject.toml's version is not
# the pom's without -SNAPSHOT.
# Usage: bin/lib/build-python-wheel.sh PYTHON   (a python with pip; it downloads setuptools for the build)
# Measured here: ~5 s; the wheel is ~103 MB (98 MiB), nearly all of it the jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="${1:?usage: bin/lib/build-python-wheel.sh PYTHON}"

pom_version="$("$python" -c '
import sys, xml.etree.ElementTree as ET
print(ET.parse(sys.argv[1]).getroot().findtext("{http://maven.apache.org/POM/4.0.0}version"))' pom.xml)"
package_version="$(sed -n 's/^version = "\(.*\)"$/\1/p' python/pyproject.toml | head -1)"
if [[ "$package_version" != "${pom_version%-SNAPSHOT}" ]]; then
  echo "error: python/pyproject.toml has version '$package_version', the pom $pom_version; keep them in step" >&2
  exit 1
fi
jar="target/datamint-spark_2.13-$pom_version-all.jar"
if [[ ! -f "$jar" ]]; then
  echo "error: $jar is missing; build it first: mvn -q package -DskipTests" >&2
  exit 1
fi

jars_dir=python/datamint_spark/jars
rm -rf "$jars_dir" python/build python/*.egg-info
mkdir -p "$jars_dir" target/python
cp "$jar" "$jars_dir/"
rm -f target/python/datamint_spark-*.whl
"$python" -m pip wheel -q --disable-pip-version-check --no-deps ./python -w target/python >&2
# setuptools' build tree would carry a stale jar into a later build.
rm -rf python/build python/*.egg-info
wheel="$root/target/python/datamint_spark-$package_version-py3-none-any.whl"
if ! "$python" -c 'import sys, zipfile; sys.exit(sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist())' \
    "$wheel" "datamint_spark/jars/$(basename "$jar")"; then
  echo "error: $wheel does not carry datamint_spark/jars/$(basename "$jar")" >&2
  exit 1
fi
echo "$wheel"
