"""Tensor columns of Arrow data as NumPy arrays and torch tensors, without copying the pixels.

Every tensor column of the connector is ``struct<dtype: string, shape: array<int>, data: binary>``
(the README's "Tensor layout"): ``data`` holds the values in C order, little-endian. The functions
here read those structs straight out of Arrow memory: each NumPy array is a view over the Arrow
batch's ``data`` buffer (``np.shares_memory`` with it; it keeps the buffer alive), read-only because
Arrow buffers are immutable. Ask for ``writable=True`` to get a private copy instead.

Arrow data comes from ``DataFrame.toArrow()``, from ``mapInArrow``, or from the partition stream of
:mod:`datamint_spark.partitions` that :mod:`datamint_spark.torch` uses.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np
import pyarrow as pa

if TYPE_CHECKING:
    import torch

__all__ = [
    "DTYPES",
    "TensorFormatError",
    "column_values",
    "is_tensor_map_type",
    "is_tensor_type",
    "iter_rows",
    "tensor_array",
    "tensor_column",
    "tensor_map_column",
    "to_numpy",
    "to_torch",
]

#: The dtype names a tensor's ``dtype`` field may hold, and their little-endian NumPy types.
DTYPES: Mapping[str, np.dtype[Any]] = {
    name: np.dtype(name).newbyteorder("<")
    for name in (
        "uint8",
        "int8",
        "uint16",
        "int16",
        "uint32",
        "int32",
        "int64",
        "float32",
        "float64",
    )
}

#: An Arrow column: one array, or the chunks of a table column.
ArrowData: TypeAlias = "pa.Array | pa.ChunkedArray"


class TensorFormatError(ValueError):
    """A tensor struct whose dtype, shape and byte length do not agree."""


def is_tensor_type(data_type: pa.DataType) -> bool:
    """Whether ``data_type`` is the connector's tensor struct (dtype, shape, data)."""
    if not pa.types.is_struct(data_type):
        return False
    names = {data_type.field(i).name: data_type.field(i).type for i in range(data_type.num_fields)}
    dtype, shape, data = names.get("dtype"), names.get("shape"), names.get("data")
    return (
        dtype is not None
        and shape is not None
        and data is not None
        and (pa.types.is_string(dtype) or pa.types.is_large_string(dtype))
        and (pa.types.is_list(shape) or pa.types.is_large_list(shape))
        and (pa.types.is_binary(data) or pa.types.is_large_binary(data))
    )


def is_tensor_map_type(data_type: pa.DataType) -> bool:
    """Whether ``data_type`` is a map from strings (annotators) to tensor structs."""
    return pa.types.is_map(data_type) and is_tensor_type(data_type.item_type)


def _chunks(data: ArrowData) -> list[pa.Array]:
    return list(data.chunks) if isinstance(data, pa.ChunkedArray) else [data]


def _binary_view(data: pa.Array, row: int, dtype: np.dtype[Any], count: int) -> np.ndarray[Any, Any]:
    """The values of ``data[row]`` as a NumPy view over the Arrow data buffer."""
    offsets = data.buffers()[1]
    values = data.buffers()[2]
    wide = pa.types.is_large_binary(data.type)
    index = np.frombuffer(
        offsets, dtype="<i8" if wide else "<i4", count=2, offset=(data.offset + row) * (8 if wide else 4)
    )
    start, end = int(index[0]), int(index[1])
    if end - start != count * dtype.itemsize:
        raise TensorFormatError(
            f"row {row}: the tensor's data holds {end - start} bytes, but its shape and dtype"
            f" need {count * dtype.itemsize} ({count} values of {dtype.name})"
        )
    if count == 0:
        return np.empty(0, dtype=dtype)
    return np.frombuffer(values, dtype=dtype, count=count, offset=start)


def tensor_array(tensors: pa.StructArray, *, writable: bool = False) -> list[np.ndarray[Any, Any] | None]:
    """Each tensor struct of ``tensors`` as a NumPy array (``None`` where the struct is null).

    The arrays are views over ``tensors``' data buffer unless ``writable``.
    """
    if not is_tensor_type(tensors.type):
        raise TypeError(
            f"not a tensor column: {tensors.type}; a tensor is struct<dtype: string, shape: array<int>, data: binary>"
        )
    fields = {tensors.type.field(i).name: i for i in range(tensors.type.num_fields)}
    children = tensors.flatten()
    dtypes = children[fields["dtype"]]
    shapes = children[fields["shape"]]
    data = children[fields["data"]]
    shape_offsets = shapes.offsets.to_numpy()
    shape_values = shapes.values.to_numpy(zero_copy_only=False)
    dtype_names = dtypes.to_pylist()
    out: list[np.ndarray[Any, Any] | None] = []
    for row in range(len(tensors)):
        if not tensors[row].is_valid or not data[row].is_valid:
            out.append(None)
            continue
        name = dtype_names[row]
        dtype = DTYPES.get(name or "")
        if dtype is None:
            raise TensorFormatError(f"row {row}: unknown tensor dtype {name!r}; accepted: {', '.join(DTYPES)}")
        shape = tuple(int(d) for d in shape_values[shape_offsets[row] : shape_offsets[row + 1]])
        if any(d < 0 for d in shape):
            raise TensorFormatError(f"row {row}: negative dimension in shape {shape}")
        array = _binary_view(data, row, dtype, int(np.prod(shape, dtype=np.int64))).reshape(shape)
        if writable:
            array = array.copy()
        else:
            array.flags.writeable = False  # a view of Arrow memory, which other views share
        out.append(array)
    return out


def tensor_column(data: ArrowData, *, writable: bool = False) -> list[np.ndarray[Any, Any] | None]:
    """A tensor column (an Arrow array or chunked array of tensor structs) as NumPy arrays."""
    out: list[np.ndarray[Any, Any] | None] = []
    for chunk in _chunks(data):
        out.extend(tensor_array(chunk, writable=writable))
    return out


def tensor_map_column(
    data: ArrowData, *, writable: bool = False
) -> list[dict[str, np.ndarray[Any, Any] | None] | None]:
    """A ``map<string, tensor>`` column (masks per annotator) as dicts of NumPy arrays."""
    out: list[dict[str, np.ndarray[Any, Any] | None] | None] = []
    for chunk in _chunks(data):
        if not is_tensor_map_type(chunk.type):
            raise TypeError(f"not a map of tensors: {chunk.type}")
        keys = chunk.keys.to_pylist()
        items = tensor_array(chunk.items, writable=writable)
        offsets = chunk.offsets.to_numpy()
        for row in range(len(chunk)):
            if not chunk[row].is_valid:
                out.append(None)
                continue
            lo, hi = int(offsets[row]), int(offsets[row + 1])
            out.append({str(keys[i]): items[i] for i in range(lo, hi)})
    return out


def column_values(data: ArrowData, *, writable: bool = False) -> list[Any]:
    """Any column as Python values: tensors (and maps of them) as NumPy arrays, the rest as
    ``to_pylist()`` gives them."""
    if is_tensor_type(data.type):
        return tensor_column(data, writable=writable)
    if is_tensor_map_type(data.type):
        return tensor_map_column(data, writable=writable)
    values: list[Any] = data.to_pylist()
    if pa.types.is_map(data.type):
        return [None if v is None else dict(v) for v in values]
    return values


def _column(data: pa.Table | pa.RecordBatch, column: str) -> ArrowData:
    if column not in data.schema.names:
        raise KeyError(f"no column {column!r}; the columns are {', '.join(data.schema.names)}")
    return data.column(column)


def to_numpy(data: pa.Table | pa.RecordBatch, column: str = "image", *, writable: bool = False) -> list[Any]:
    """The values of one column of an Arrow table or batch, tensors as NumPy arrays.

    >>> table = df.select("resource_id", "image").toArrow()      # doctest: +SKIP
    >>> images = to_numpy(table, "image")                         # views, no copy   # doctest: +SKIP
    """
    return column_values(_column(data, column), writable=writable)


_WIDER = {np.dtype("uint16"): np.int32, np.dtype("uint32"): np.int64}
_warned: set[str] = set()


def _as_torch(array: np.ndarray[Any, Any]) -> torch.Tensor:
    import torch

    if sys.byteorder != "little" and array.dtype.byteorder == "<":
        array = array.astype(array.dtype.newbyteorder("="))
    native = array.dtype.newbyteorder("=")
    if native in _WIDER and not _torch_has(native.name):
        if native.name not in _warned:
            _warned.add(native.name)
            warnings.warn(
                f"this torch ({torch.__version__}) has no {native.name} tensors: {native.name}"
                f" tensors are copied into {np.dtype(_WIDER[native]).name}",
                stacklevel=3,
            )
        return torch.from_numpy(array.astype(_WIDER[native]))
    if array.ctypes.data % max(array.dtype.itemsize, 1):
        array = array.copy()  # torch needs aligned data; Arrow's 8-byte alignment keeps this rare
    with warnings.catch_warnings():
        # Arrow memory is immutable: the tensor shares it and must not be written in place.
        warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
        return torch.from_numpy(array)


def _torch_has(dtype_name: str) -> bool:
    import torch

    return hasattr(torch, dtype_name)  # torch 2.3 added uint16 and uint32


def to_torch(value: Any) -> Any:
    """NumPy arrays in ``value`` (an array, or dicts and lists of them) as torch tensors that share
    their memory; torch versions without unsigned 16- and 32-bit tensors get wider signed copies.

    The tensors of read-only (Arrow) memory must not be modified in place; ``writable=True`` on the
    NumPy side gives arrays the tensors may modify.
    """
    if isinstance(value, np.ndarray):
        return _as_torch(value)
    if isinstance(value, dict):
        return {k: to_torch(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_torch(v) for v in value]
    return value


def iter_rows(
    batch: pa.RecordBatch, *, columns: list[str] | None = None, writable: bool = False
) -> Iterator[dict[str, Any]]:
    """The rows of a batch as dicts, tensor columns as NumPy arrays (views unless ``writable``)."""
    names = columns if columns is not None else batch.schema.names
    values = [column_values(_column(batch, name), writable=writable) for name in names]
    for row in range(batch.num_rows):
        yield {name: column[row] for name, column in zip(names, values, strict=True)}
