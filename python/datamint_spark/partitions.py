"""The partitions of a DataFrame as streams of Arrow record batches, readable from any process.

:class:`ArrowPartitions` (in the driver process) asks the connector's JVM side to serve a
DataFrame's partitions on a local socket; its :attr:`~ArrowPartitions.source`, a small picklable
:class:`PartitionSource`, is what DataLoader workers and ``torchrun`` ranks receive. Each of them
opens its own connection and reads whole partitions, one Spark job per partition, so no process
holds the dataset and none needs the driver's py4j gateway::

    with ArrowPartitions(df) as partitions:
        for batch in partitions.source.batches(0):
            ...

The batches are those of Spark's own ``DataFrame.toArrow()``: the same schema, the same columns.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pyarrow as pa

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = [
    "ArrowPartitions",
    "PartitionError",
    "PartitionSource",
    "arrow_schema",
    "close_thread_connection",
]

_END_OF_PARTITION = -1
_PARTITION_FAILED = -2


class PartitionError(RuntimeError):
    """A partition could not be computed (the Spark job failed); the message says why."""


def arrow_schema(df: DataFrame) -> pa.Schema:
    """The Arrow schema of ``df``'s batches, as this PySpark's ``toArrow()`` builds it."""
    from pyspark.sql.pandas.types import to_arrow_schema

    jconf = df.sparkSession._jconf
    schema: pa.Schema = to_arrow_schema(
        df.schema,
        error_on_duplicated_field_names_in_struct=True,
        prefers_large_types=bool(jconf.arrowUseLargeVarTypes()),
    )
    return schema


@dataclass(frozen=True)
class PartitionSource:
    """Where and how to read the partitions of one served DataFrame. Picklable and small: hand it to
    DataLoader workers, ``TorchDistributor`` training functions or ``torchrun`` processes on the
    driver's machine (or, with ``bind_host`` set to the driver's address, on executors)."""

    host: str
    port: int
    secret: str = field(repr=False)
    num_partitions: int
    schema: pa.Schema
    #: The Spark schema's field metadata by column (label names and codes), as JSON objects.
    column_metadata: dict[str, dict[str, Any]] = field(default_factory=dict)

    def batches(self, partition: int) -> Iterator[pa.RecordBatch]:
        """The record batches of one partition, in order. Runs one Spark job for the partition."""
        if not 0 <= partition < self.num_partitions:
            raise IndexError(f"no partition {partition}: there are {self.num_partitions}")
        connection = _connection(self)
        complete = False
        with connection.lock:
            try:
                yield from connection.read_partition(partition, self.schema)
                complete = True
            except _Failed:
                complete = True
                raise
            finally:
                if not complete:
                    # Abandoned (or failed) midway: frames may be left unread, so this socket
                    # cannot serve another request. The next call opens a new one.
                    _drop(self, connection)


class _Failed(PartitionError):
    """A failure the server reported in order: the connection is still in step."""


class _Connection:
    """One authenticated socket to the partition server, owned by one process."""

    def __init__(self, source: PartitionSource) -> None:
        self.lock = threading.Lock()
        self._sock = socket.create_connection((source.host, source.port))
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        secret = source.secret.encode("utf-8")
        self._sock.sendall(struct.pack(">i", len(secret)) + secret)
        if self._read_exact(4) != b"\0\0\0\0":
            raise PartitionError("the partition server refused the connection")

    def read_partition(self, partition: int, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
        self._sock.sendall(struct.pack(">i", partition))
        while True:
            (length,) = struct.unpack(">q", self._read_exact(8))
            if length == _END_OF_PARTITION:
                return
            if length == _PARTITION_FAILED:
                (size,) = struct.unpack(">i", self._read_exact(4))
                message = self._read_exact(size).decode("utf-8", "replace")
                # The server is ready for the next request: the connection stays usable.
                raise _Failed(message)
            if length < 0:
                raise PartitionError(f"the partition server sent a bad frame length {length}")
            # The batch's buffers are views over this one allocation: the only copy on this side.
            message = pa.py_buffer(self._read_exact(length))
            yield pa.ipc.read_record_batch(message, schema)

    def _read_exact(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        got = 0
        while got < size:
            n = self._sock.recv_into(view[got:], size - got)
            if n == 0:
                raise PartitionError(
                    "the partition server closed the connection (the Spark driver stopped, or"
                    " ArrowPartitions.close() was called)"
                )
            got += n
        return buffer

    def close(self) -> None:
        with contextlib.suppress(OSError):  # the server may be gone already
            self._sock.sendall(struct.pack(">i", -1))
        self._sock.close()


_connections: dict[tuple[int, int, str, int, str], _Connection] = {}
_connections_lock = threading.Lock()


def _key(source: PartitionSource) -> tuple[int, int, str, int, str]:
    return (os.getpid(), threading.get_ident(), source.host, source.port, source.secret)


def _drop(source: PartitionSource, connection: _Connection) -> None:
    with _connections_lock:
        if _connections.get(_key(source)) is connection:
            del _connections[_key(source)]
    connection.close()


def close_thread_connection(source: PartitionSource) -> None:
    """Closes this thread's connection to ``source``, if it has one: for threads that read
    partitions and then end (connections are kept per process and thread)."""
    with _connections_lock:
        connection = _connections.pop(_key(source), None)
    if connection is not None:
        connection.close()


def _connection(source: PartitionSource) -> _Connection:
    """This process's (and thread's) connection to ``source``: a forked DataLoader worker never
    reuses its parent's socket."""
    key = _key(source)
    with _connections_lock:
        connection = _connections.get(key)
        if connection is None:
            connection = _Connection(source)
            _connections[key] = connection
        return connection


class ArrowPartitions:
    """Serves the partitions of ``df`` to Python processes until :meth:`close` (or the end of a
    ``with`` block).

    :param df: the DataFrame to serve (any DataFrame of a classic Spark session: a ``datamint``
        read, after ``select`` / ``where`` / joins).
    :param bind_host: the address to listen on; ``127.0.0.1`` (the default) serves processes on
        the driver's machine.
    """

    def __init__(self, df: DataFrame, *, bind_host: str = "127.0.0.1") -> None:
        from ._bridge import bridge

        self._server: Any = bridge(df.sparkSession).servePartitions(df._jdf, bind_host)
        self.source = PartitionSource(
            host=str(self._server.host()),
            port=int(self._server.port()),
            secret=str(self._server.secret()),
            num_partitions=int(self._server.numPartitions()),
            schema=arrow_schema(df),
            column_metadata={f.name: dict(f.metadata) for f in df.schema.fields if f.metadata},
        )

    @property
    def num_partitions(self) -> int:
        """How many partitions the DataFrame has."""
        return self.source.num_partitions

    def close(self) -> None:
        """Stops serving; connections still open are closed."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def __enter__(self) -> ArrowPartitions:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
