"""Where the connector's self-contained jar is, for ``spark.jars``."""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that names the jar to use instead of the packaged one.
JAR_ENV = "DATAMINT_SPARK_JAR"

_JARS_DIR = Path(__file__).resolve().parent / "jars"


def jar_path() -> str:
    """The absolute path of the connector's self-contained jar (``datamint-spark_2.13-<version>-all.jar``).

    The file named by the environment variable ``DATAMINT_SPARK_JAR`` when it is set, else the jar this package
    carries in ``datamint_spark/jars/`` (a wheel built by ``bin/lib/build-python-wheel.sh``, or ``pip install ./python``
    after ``mvn package`` and that script).

    Raises:
        FileNotFoundError: if ``DATAMINT_SPARK_JAR`` names no file, or it is unset and the package carries no jar or
            more than one.
    """
    configured = os.environ.get(JAR_ENV)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"{JAR_ENV} is set to {configured!r}, which is not a file")
        return str(path.resolve())
    jars = sorted(_JARS_DIR.glob("*-all.jar"))
    if len(jars) == 1:
        return str(jars[0])
    if jars:
        names = ", ".join(jar.name for jar in jars)
        raise FileNotFoundError(
            f"the package carries more than one connector jar in {_JARS_DIR} ({names}); reinstall it, or set "
            f"{JAR_ENV} to the one to use"
        )
    raise FileNotFoundError(
        f"no datamint-spark connector jar: set {JAR_ENV} to the self-contained jar "
        f"(datamint-spark_2.13-<version>-all.jar, built by 'mvn package' in target/), or install a datamint-spark "
        f"package that carries it in {_JARS_DIR} (bin/lib/build-python-wheel.sh builds one)"
    )
