"""The data codec: the only way values cross between the trusted harness and the sandboxed worker.

A value becomes a JSON tree plus binary blobs. Plain data crosses: None, bool, int, float, complex,
str, bytes, list, tuple, dict, set, slice, Ellipsis, NumPy arrays and scalars, torch tensors, SymPy
expressions and `np.random.Generator`s (by bit-generator state). Anything else is handed to the side's
`export` hook (the worker makes it a handle; the harness makes a callable a callback), and a decoded
reference goes to its `resolve` hook.

Nothing is pickled or evaluated. Arrays travel as their raw C-order bytes with the dtype string and
the shape beside them; the dtype is checked against a whitelist and the shape against the number of
bytes before anything is allocated (no `.npy` header to parse: callbacks cross thousands of small
arrays, and parsing a header literal each time costs more than the call). SymPy
expressions travel as trees of whitelisted node types and are rebuilt by calling those classes with
evaluation turned off. Types are matched exactly, so a student's subclass of a data type (an ndarray
subclass excepted, which travels as the plain array it wraps) is not data: an object built to fool a
comparison arrives as plain data or as a handle, never as itself.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

MAX_DEPTH = 64  # nesting of containers and expression trees
MAX_INT_HEX = 20_000  # hex digits of one integer (80,000 bits)
MAX_NAME = 200  # symbol and function names
ARRAY_KINDS = "biufcUS"  # no objects, no structured or void data
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
TORCH_DTYPES = ("float16", "bfloat16", "float32", "float64", "complex64", "complex128",
                "int8", "int16", "int32", "int64", "uint8", "bool")
MAX_DIMENSIONS = 64  # NumPy's own limit
_ARRAY_DTYPE = re.compile(r"[<>|][biufcUS][0-9]{1,9}")  # byte order, kind, item size: nothing else
_HEX_INT = re.compile(rf"-?[0-9a-f]{{1,{MAX_INT_HEX}}}")


class CodecError(ValueError):
    """A value that cannot be sent, or a tree that does not decode."""


class TooLarge(CodecError):
    pass


class Encoder:
    """Encodes values for one message; `export(value, encoder)` returns the node for non-data."""

    def __init__(self, export: Callable[[Any, Encoder], list], limit: int):
        self.export = export
        self.limit = limit
        self.size = 0
        self.blobs: list[bytes] = []
        self.generators: list[np.random.Generator] = []  # by slot, for the write-back of their state

    def grow(self, n: int) -> None:
        self.size += n
        if self.size > self.limit:
            raise TooLarge(f"more than {self.limit / 2**20:g} MB")

    def blob(self, data: bytes) -> int:
        self.grow(len(data))
        self.blobs.append(data)
        return len(self.blobs) - 1

    def encode(self, value: Any, depth: int = 0) -> list:
        if depth > MAX_DEPTH:
            raise CodecError(f"nested more than {MAX_DEPTH} levels deep")
        self.grow(16)
        kind = type(value)
        if value is None:
            return ["n"]
        if value is Ellipsis:
            return ["e"]
        if kind is bool:
            return ["b", value]
        if kind is int:
            return ["i", _int_hex(value)]
        if kind is float:
            return ["f", value.hex()]
        if kind is complex:
            return ["c", value.real.hex(), value.imag.hex()]
        if kind is str:
            self.grow(len(value))
            return ["s", value]
        if kind is bytes or kind is bytearray:
            return ["y", self.blob(bytes(value))]
        if kind in _SEQUENCE_TAGS:
            return [_SEQUENCE_TAGS[kind], [self.encode(v, depth + 1) for v in value]]
        if kind is dict:
            return ["d", [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]]
        if kind is slice:
            return ["sl", *(self.encode(v, depth + 1) for v in (value.start, value.stop, value.step))]
        if isinstance(value, np.ndarray):
            return ["a", *self.array(value)]
        if isinstance(value, np.generic):
            return ["a0", *self.array(np.asarray(value))]
        if kind is np.random.Generator:
            return self.generator(value, depth)
        tensor = _torch_type("Tensor")
        if tensor is not None and isinstance(value, tensor):
            return self.tensor(value)
        if _is_sympy(value):
            try:
                return ["sy", _SympyEncoder(self).node(value, depth)]
            except _NotWhitelisted:
                pass
        return self.export(value, self)

    def array(self, array: np.ndarray) -> list:
        """[blob, dtype string, shape] of an array."""
        if type(array) is not np.ndarray:
            array = np.ndarray.view(array, np.ndarray)  # a subclass travels as the data it holds
        if array.dtype.kind not in ARRAY_KINDS or array.dtype.hasobject:
            raise CodecError(f"a NumPy array of dtype {array.dtype} cannot be sent (only numbers and strings)")
        if self.size + array.nbytes > self.limit:
            raise TooLarge(f"an array of {array.nbytes / 2**20:.1f} MB")
        return [self.blob(array.tobytes(order="C")), array.dtype.str, list(array.shape)]

    def tensor(self, tensor: Any) -> list:
        import torch

        dtype = str(tensor.dtype).removeprefix("torch.")
        if dtype not in TORCH_DTYPES:
            raise CodecError(f"a torch tensor of dtype {dtype} cannot be sent")
        data = tensor.detach()
        if data.layout != torch.strided:
            data = data.to_dense()
        data = data.cpu().resolve_conj().resolve_neg()
        if dtype == "bfloat16":  # NumPy has no bfloat16; float32 holds every bfloat16 exactly
            data = data.float()
        return ["t", ["a", *self.array(data.numpy())], dtype, bool(tensor.requires_grad)]

    def generator(self, generator: np.random.Generator, depth: int) -> list:
        bit_generator = generator.bit_generator
        name = type(bit_generator).__name__
        if name not in BIT_GENERATORS or type(bit_generator) is not getattr(np.random, name):
            raise CodecError(f"a Generator over {name} cannot be sent")
        slot = next((i for i, g in enumerate(self.generators) if g is generator), None)
        if slot is None:
            slot = len(self.generators)
            self.generators.append(generator)
        return ["g", slot, name, self.encode(bit_generator.state, depth + 1)]


class Decoder:
    """Decodes one message; `resolve(node, decoder)` turns handle, reference and callback nodes into
    objects (and raises CodecError for node kinds the side does not accept)."""

    def __init__(self, blobs: list[bytes], resolve: Callable[[list, Decoder], Any]):
        self.blobs = blobs
        self.resolve = resolve
        self.generators: dict[int, np.random.Generator] = {}  # by the slot the sender gave them

    def decode(self, node: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise CodecError(f"nested more than {MAX_DEPTH} levels deep")
        tag = _tag(node)
        if tag == "n":
            return None
        if tag == "e":
            return Ellipsis
        if tag == "b":
            return _field(node, 1, bool)
        if tag == "i":
            return _hex_int(_field(node, 1, str))
        if tag == "f":
            return _hex_float(_field(node, 1, str))
        if tag == "c":
            return complex(_hex_float(_field(node, 1, str)), _hex_float(_field(node, 2, str)))
        if tag == "s":
            return _field(node, 1, str)
        if tag == "y":
            return self.blob(node)
        if tag in _SEQUENCE_TYPES:
            items = [self.decode(v, depth + 1) for v in _field(node, 1, list)]
            try:
                return _SEQUENCE_TYPES[tag](items)
            except TypeError:
                raise CodecError("a set element that is not hashable") from None
        if tag == "d":
            pairs = [(self.decode(k, depth + 1), self.decode(v, depth + 1)) for k, v in _pairs(node)]
            try:
                return dict(pairs)
            except TypeError:
                raise CodecError("a dict key that is not hashable") from None
        if tag == "sl":
            _arity(node, 4)
            return slice(*(self.decode(v, depth + 1) for v in node[1:]))
        if tag == "a":
            return self.array(node)
        if tag == "a0":
            array = self.array(node)
            if array.ndim != 0:
                raise CodecError("a NumPy scalar that is not 0-dimensional")
            return array[()]
        if tag == "t":
            return self.tensor(node)
        if tag == "g":
            return self.generator(node, depth)
        if tag == "sy":
            _arity(node, 2)
            return _SympyDecoder().node(node[1], depth + 1)
        return self.resolve(node, self)

    def blob(self, node: list) -> bytes:
        index = _field(node, 1, int)
        if not 0 <= index < len(self.blobs):
            raise CodecError("a reference to a missing blob")
        return self.blobs[index]

    def array(self, node: list) -> np.ndarray:
        _arity(node, 4)
        return load_array(self.blob(node), _field(node, 2, str), _field(node, 3, list))

    def tensor(self, node: list) -> Any:
        import torch

        _arity(node, 4)
        dtype, requires_grad = _field(node, 2, str), _field(node, 3, bool)
        if dtype not in TORCH_DTYPES:
            raise CodecError(f"unknown torch dtype {dtype!r}")
        array = self.array(_field(node, 1, list))
        try:
            tensor = torch.from_numpy(array.astype(array.dtype.newbyteorder("="), copy=False)).to(getattr(torch, dtype))
        except (TypeError, ValueError, RuntimeError) as exc:  # strings, say
            raise CodecError(f"a tensor that torch cannot hold ({type(exc).__name__})") from None
        if requires_grad:
            if not (tensor.is_floating_point() or tensor.is_complex()):
                raise CodecError("requires_grad on a tensor that is not floating point")
            tensor.requires_grad_(True)
        return tensor

    def generator(self, node: list, depth: int) -> np.random.Generator:
        _arity(node, 4)
        slot, name = _field(node, 1, int), _field(node, 2, str)
        if slot in self.generators:
            return self.generators[slot]  # the same generator, passed twice
        if name not in BIT_GENERATORS:
            raise CodecError(f"unknown bit generator {name!r}")
        bit_generator = getattr(np.random, name)()
        try:
            bit_generator.state = self.decode(node[3], depth + 1)
        except (TypeError, ValueError, KeyError) as exc:
            raise CodecError(f"an invalid {name} state ({type(exc).__name__})") from None
        self.generators[slot] = generator = np.random.Generator(bit_generator)
        return generator


def load_array(data: bytes, dtype_str: str, shape: list) -> np.ndarray:
    """The array of raw C-order bytes `data`, refusing objects and a dtype or shape that does not
    match the bytes."""
    try:
        dtype = np.dtype(dtype_str) if _ARRAY_DTYPE.fullmatch(dtype_str) else None
    except TypeError:
        dtype = None
    if dtype is None or dtype.kind not in ARRAY_KINDS or dtype.hasobject or dtype.itemsize == 0:
        raise CodecError(f"an array of dtype {dtype_str[:20]!r} is not accepted")
    if len(shape) > MAX_DIMENSIONS or any(type(n) is not int or n < 0 for n in shape):
        raise CodecError("an array with a malformed shape")
    if math.prod(shape) * dtype.itemsize != len(data):
        raise CodecError("an array whose shape does not match its data")
    try:
        return np.frombuffer(data, dtype=dtype).reshape(shape).copy()  # writable, aligned, its own memory
    except ValueError as exc:  # an empty array of absurd dimensions
        raise CodecError(f"an array NumPy cannot make ({exc})") from None


# --------------------------------------------------------------------------------------------------
# Node helpers

_SEQUENCE_TAGS: dict[type, str] = {list: "l", tuple: "u", set: "st", frozenset: "fs"}
_SEQUENCE_TYPES: dict[str, Callable[[list], Any]] = {"l": list, "u": tuple, "st": set, "fs": frozenset}


def _tag(node: Any) -> str:
    if type(node) is not list or not node or type(node[0]) is not str:
        raise CodecError("a malformed node")
    return node[0]


def _arity(node: list, n: int) -> None:
    if len(node) != n:
        raise CodecError(f"a malformed {node[0]!r} node")


def _field(node: list, index: int, kind: type) -> Any:
    if index >= len(node) or type(node[index]) is not kind:
        raise CodecError(f"a malformed {node[0]!r} node")
    return node[index]


def _pairs(node: list) -> list[list]:
    pairs = _field(node, 1, list)
    if any(type(p) is not list or len(p) != 2 for p in pairs):
        raise CodecError("a malformed dict node")
    return pairs


def _int_hex(value: int) -> str:
    text = format(value, "x")
    if len(text) > MAX_INT_HEX:
        raise CodecError(f"an integer of more than {MAX_INT_HEX * 4} bits")
    return text


def _hex_int(text: str) -> int:
    if not _HEX_INT.fullmatch(text):
        raise CodecError("a malformed integer")
    return int(text, 16)


def _hex_float(text: str) -> float:
    if len(text) > 40:
        raise CodecError("a malformed float")
    try:
        return float.fromhex(text)
    except ValueError:
        raise CodecError("a malformed float") from None


def _torch_type(name: str) -> Any:
    torch = sys.modules.get("torch")  # a process that never imported torch holds no tensors
    return getattr(torch, name, None)


def _is_sympy(value: Any) -> bool:
    sympy = sys.modules.get("sympy")
    return sympy is not None and isinstance(value, sympy.Basic | sympy.MatrixBase)


# --------------------------------------------------------------------------------------------------
# SymPy expressions: trees of whitelisted node types


class _NotWhitelisted(Exception):
    pass


@functools.cache
def _sympy_tables() -> tuple[dict[str, type], dict[str, Any]]:
    import sympy as sp
    from sympy.functions.elementary.piecewise import ExprCondPair
    from sympy.matrices.expressions.matexpr import MatrixElement

    compound = (
        sp.Add, sp.Mul, sp.Pow, sp.Mod,
        sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan, sp.atan2,
        sp.acot, sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.asinh, sp.acosh, sp.atanh,
        sp.Abs, sp.sign, sp.re, sp.im, sp.arg, sp.conjugate, sp.floor, sp.ceiling, sp.Min, sp.Max,
        sp.factorial, sp.binomial, sp.gamma, sp.loggamma, sp.digamma, sp.polygamma, sp.beta, sp.erf, sp.erfc,
        sp.LambertW, sp.Heaviside, sp.DiracDelta, sp.KroneckerDelta,
        sp.Piecewise, ExprCondPair, sp.Eq, sp.Ne, sp.Lt, sp.Le, sp.Gt, sp.Ge, sp.And, sp.Or, sp.Not, sp.Xor,
        sp.Implies, sp.Tuple, sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Lambda, sp.Subs,
        sp.FiniteSet, sp.Interval, sp.Union, sp.Intersection, sp.Complement, sp.ProductSet,
        sp.MatMul, sp.MatAdd, sp.MatPow, sp.Transpose, sp.Inverse, sp.Adjoint, sp.Trace, sp.Determinant,
        sp.HadamardProduct, sp.HadamardPower, sp.KroneckerProduct, sp.Identity, sp.ZeroMatrix, sp.OneMatrix,
        MatrixElement,
    )
    singletons = {
        "pi": sp.pi, "E": sp.E, "EulerGamma": sp.EulerGamma, "Catalan": sp.Catalan, "GoldenRatio": sp.GoldenRatio,
        "I": sp.I, "oo": sp.oo, "-oo": -sp.oo, "zoo": sp.zoo, "nan": sp.nan, "true": sp.true, "false": sp.false,
        "EmptySet": sp.S.EmptySet, "Reals": sp.S.Reals, "Complexes": sp.S.Complexes, "Integers": sp.S.Integers,
        "Naturals": sp.S.Naturals, "Naturals0": sp.S.Naturals0, "Rationals": sp.S.Rationals,
        "UniversalSet": sp.S.UniversalSet,
    }
    return {cls.__name__: cls for cls in compound}, singletons


class _SympyEncoder:
    def __init__(self, encoder: Encoder):
        import sympy

        self.sp = sympy
        self.encoder = encoder
        compound, singletons = _sympy_tables()
        self.compound = {cls: name for name, cls in compound.items()}
        self.singletons = {id(obj): name for name, obj in singletons.items()}

    def node(self, e: Any, depth: int) -> list:
        if depth > MAX_DEPTH:
            raise CodecError(f"an expression nested more than {MAX_DEPTH} levels deep")
        self.encoder.grow(16)
        sp, kind = self.sp, type(e)
        if id(e) in self.singletons:
            return ["A", self.singletons[id(e)]]
        if isinstance(e, sp.MatrixBase):
            if kind not in (sp.ImmutableDenseMatrix, sp.MutableDenseMatrix):
                raise _NotWhitelisted
            rows, cols = e.shape
            return ["M", rows, cols, [self.node(x, depth + 1) for x in e], kind is sp.MutableDenseMatrix]
        if kind in (sp.Symbol, sp.Dummy):
            self.encoder.grow(len(e.name))
            return ["Y" if kind is sp.Symbol else "DY", e.name, dict(e._assumptions_orig)]
        if isinstance(e, sp.Integer):
            return ["I", _int_hex(int(e))]
        if isinstance(e, sp.Rational):
            return ["Q", _int_hex(e.p), _int_hex(e.q)]
        if kind is sp.Float:
            sign, mantissa, exponent, _ = e._mpf_
            return ["F", sign, _int_hex(mantissa), exponent, e._prec]
        if kind is sp.MatrixSymbol:
            return ["MS", e.name, self.node(e.rows, depth + 1), self.node(e.cols, depth + 1)]
        if isinstance(e, sp.core.function.AppliedUndef) and type(kind) is sp.core.function.UndefinedFunction:
            return ["U", kind.__name__, [self.node(a, depth + 1) for a in e.args]]
        name = self.compound.get(kind)
        if name is None:
            raise _NotWhitelisted
        return ["N", name, [self.node(a, depth + 1) for a in e.args]]


class _SympyDecoder:
    def __init__(self) -> None:
        import sympy

        self.sp = sympy
        self.compound, self.singletons = _sympy_tables()

    def node(self, node: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise CodecError(f"an expression nested more than {MAX_DEPTH} levels deep")
        sp, tag = self.sp, _tag(node)
        if tag == "A":
            name = _field(node, 1, str)
            if name not in self.singletons:
                raise CodecError(f"unknown SymPy constant {name!r}")
            return self.singletons[name]
        if tag == "M":
            _arity(node, 5)
            rows, cols, items = _field(node, 1, int), _field(node, 2, int), _field(node, 3, list)
            if rows < 0 or cols < 0 or rows * cols != len(items):
                raise CodecError("a matrix whose shape does not match its entries")
            matrix = sp.MutableDenseMatrix if _field(node, 4, bool) else sp.ImmutableDenseMatrix
            return matrix(rows, cols, [self.node(x, depth + 1) for x in items])
        if tag in ("Y", "DY"):
            _arity(node, 3)
            kind = sp.Symbol if tag == "Y" else sp.Dummy
            return kind(_name(node[1]), **_assumptions(node[2]))
        if tag == "I":
            return sp.Integer(_hex_int(_field(node, 1, str)))
        if tag == "Q":
            q = _hex_int(_field(node, 2, str))
            if q <= 0:
                raise CodecError("a rational with a non-positive denominator")
            return sp.Rational(_hex_int(_field(node, 1, str)), q)
        if tag == "F":
            _arity(node, 5)
            sign, exponent, precision = _field(node, 1, int), _field(node, 3, int), _field(node, 4, int)
            mantissa = _hex_int(_field(node, 2, str))
            if sign not in (0, 1) or mantissa < 0 or abs(exponent) > 10**7 or not 1 <= precision <= 100_000:
                raise CodecError("a malformed SymPy Float")
            return sp.Float._new((sign, mantissa, exponent, mantissa.bit_length()), precision)
        if tag == "MS":
            _arity(node, 4)
            return sp.MatrixSymbol(_name(node[1]), self.node(node[2], depth + 1), self.node(node[3], depth + 1))
        if tag == "U":
            _arity(node, 3)
            return sp.Function(_name(node[1]))(*(self.node(a, depth + 1) for a in _field(node, 2, list)))
        if tag == "N":
            _arity(node, 3)
            cls = self.compound.get(_field(node, 1, str))
            if cls is None:
                raise CodecError(f"unknown SymPy node {node[1]!r}")
            args = [self.node(a, depth + 1) for a in _field(node, 2, list)]
            try:
                try:
                    return cls(*args, evaluate=False)  # never let a crafted tree compute anything
                except TypeError:
                    return cls(*args)  # classes without an `evaluate` switch only build the node
            except Exception as exc:  # SymPy validates arguments with all kinds of exceptions
                raise CodecError(f"an invalid SymPy {node[1]} ({type(exc).__name__})") from None
        raise CodecError(f"unknown SymPy node kind {tag!r}")


def _name(value: Any) -> str:
    if type(value) is not str or not 0 < len(value) <= MAX_NAME:
        raise CodecError("a malformed SymPy name")
    return value


def _assumptions(value: Any) -> dict[str, bool]:
    from sympy.core.assumptions import _assume_defined

    if type(value) is not dict or any(k not in _assume_defined or type(v) is not bool for k, v in value.items()):
        raise CodecError("malformed SymPy assumptions")
    return value
