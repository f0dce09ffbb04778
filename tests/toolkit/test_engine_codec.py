"""The sandbox codec and message protocol: what crosses between harness and worker, and what cannot."""

from __future__ import annotations

import math
import socket

import numpy as np
import pytest
import sympy as sp
import torch

from aimath.sandbox.codec import CodecError, Decoder, Encoder, TooLarge, load_array
from aimath.sandbox.protocol import BadReply, Channel, Endpoint, ProtocolError

LIMIT = 8 << 20


class Opaque:
    """Not data: crosses as a handle."""


def refuse(value, encoder):
    raise CodecError(f"cannot send {type(value).__name__}")


def no_references(node, decoder):
    raise CodecError(f"unexpected {node[0]!r}")


def round_trip(value, export=refuse, resolve=no_references):
    encoder = Encoder(export, LIMIT)
    tree = encoder.encode(value)
    return Decoder(encoder.blobs, resolve).decode(tree)


def same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, torch.Tensor):
        return a.dtype == b.dtype and a.requires_grad == b.requires_grad and torch.equal(a.detach(), b.detach())
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b and (not isinstance(a, float) or math.copysign(1, a) == math.copysign(1, b))


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**300, -(2**4000), 1.5, -0.0, math.inf, math.nan, 1e-310, complex(1, -2),
    "", "héllo\u2028\udcff", b"\x00\xff", [1, [2.0, "x"]], (1, (2,)), {"a": 1, 2: [3], (1, "t"): None},
    {1, 2, 3}, frozenset({"a"}), slice(1, None, -2), Ellipsis, [],
])
def test_plain_python_values_round_trip(value):
    assert same(round_trip(value), value)


@pytest.mark.parametrize("array", [
    np.arange(12.0).reshape(3, 4), np.arange(12.0).reshape(3, 4).T, np.arange(10)[::3], np.array(3.5),
    np.zeros((0, 3)), np.array([1 + 2j]), np.array([True, False]), np.array(["ab", "c"]), np.array([b"x"]),
    np.arange(6, dtype=">i4"), np.array([np.nan, -np.inf]), np.ones((2, 2), dtype=np.float32),
])
def test_arrays_round_trip_exactly(array):
    assert same(round_trip(array), np.asarray(array))


def test_numpy_scalars_stay_scalars():
    for scalar in (np.float64(2.5), np.int8(-3), np.bool_(True), np.complex64(1j)):
        back = round_trip(scalar)
        assert type(back) is type(scalar) and back == scalar


@pytest.mark.parametrize("tensor", [
    torch.arange(6.0, dtype=torch.float64).reshape(2, 3), torch.tensor([1.5], requires_grad=True),
    torch.tensor([1, 2], dtype=torch.int64), torch.tensor([0.1, 3.0], dtype=torch.bfloat16),
    torch.tensor([1 + 1j], dtype=torch.complex128), torch.tensor([True]),
])
def test_tensors_round_trip_with_dtype_and_requires_grad(tensor):
    assert same(round_trip(tensor), tensor)


def test_sympy_expressions_rebuild_without_evaluating():
    x, y = sp.symbols("x y", positive=True)
    n = sp.Symbol("n", integer=True)
    A, B = sp.MatrixSymbol("A", 3, 3), sp.MatrixSymbol("B", 3, n)
    f = sp.Function("f")
    expressions = [
        x**2 + sp.sin(y) / 3, sp.Add(x, x, evaluate=False), sp.Pow(10, 10**6, evaluate=False), sp.Rational(-3, 7),
        sp.Float("0.1", 50), sp.pi * sp.I + sp.oo, sp.exp(-x) / (1 + sp.exp(-x)) ** 2, sp.Eq(x, y),
        sp.Piecewise((x, x > 1), (0, True)), sp.Integral(x**2, (x, 0, 1)), sp.Derivative(f(x), x, 2),
        sp.Lambda(x, x + 1), sp.Matrix([[x, 1], [0, y]]), sp.ImmutableMatrix([[1, 2]]), (A + A.T) * B,
        sp.Inverse(A), sp.Transpose(B), A[0, 1], sp.Trace(A), sp.Interval(0, 1, True), sp.FiniteSet(1, x),
        sp.Sum(x**n, (n, 0, 5)), sp.Max(x, y), [x, {x: y}], sp.Identity(3), sp.S.Reals, sp.nan, sp.zoo,
    ]
    for expression in expressions:
        back = round_trip(expression)
        assert back == expression and type(back) is type(expression), expression
    assert round_trip(x).is_positive and round_trip(n).is_integer


def test_sympy_nodes_outside_the_whitelist_are_not_data():
    x = sp.Symbol("x")
    exported = []

    def export(value, encoder):
        exported.append(value)
        return ["h", 0]

    encoder = Encoder(export, LIMIT)
    encoder.encode([sp.Poly(x**2, x), sp.Sum(sp.Poly(x, x), (x, 0, 1))])
    assert len(exported) == 2


def test_generators_travel_by_state_and_keep_their_slot():
    rng = np.random.default_rng(5)
    rng.random(3)
    encoder = Encoder(refuse, LIMIT)
    tree = encoder.encode([rng, np.random.Generator(np.random.MT19937(1)), rng])
    decoder = Decoder(encoder.blobs, no_references)
    first, mt, again = decoder.decode(tree)
    assert first is again and first is not rng and encoder.generators[0] is rng
    assert first.random() == rng.random() and isinstance(mt.bit_generator, np.random.MT19937)
    assert set(decoder.generators) == {0, 1}


class Sneaky(np.ndarray):
    def __eq__(self, other):
        return True


class FakeNumber:
    def __eq__(self, other):
        return True

    def __float__(self):
        return 0.0

    def __array__(self, *args, **kwargs):
        return np.zeros(3)

    def __reduce__(self):
        return (print, ("unpickled!",))


def test_objects_built_to_fool_comparisons_arrive_as_data_or_handles():
    sneaky = np.zeros(3).view(Sneaky)
    assert type(round_trip(sneaky)) is np.ndarray
    assert type(round_trip(np.ma.masked_array([1.0, 2.0], mask=[0, 1]))) is np.ndarray

    class MyInt(int):
        pass

    exported = []
    round_trip([FakeNumber(), MyInt(3), Opaque()], export=lambda v, e: exported.append(v) or ["n"])
    assert [type(v) for v in exported] == [FakeNumber, MyInt, Opaque]


@pytest.mark.parametrize("value", [np.array([object()]), np.zeros(2, dtype=[("a", "f8")]), np.datetime64("2020"),
                                   torch.zeros(2, dtype=torch.float8_e4m3fn) if hasattr(torch, "float8_e4m3fn")
                                   else np.array([None])])
def test_unsendable_data_is_refused(value):
    with pytest.raises(CodecError):
        Encoder(refuse, LIMIT).encode(value)


def test_size_and_depth_caps():
    with pytest.raises(TooLarge):
        Encoder(refuse, 1 << 20).encode(np.zeros(1 << 18))
    with pytest.raises(TooLarge):
        Encoder(refuse, 1 << 20).encode(list(range(200_000)))
    nested: list = []
    for _ in range(100):
        nested = [nested]
    with pytest.raises(CodecError, match="nested"):
        Encoder(refuse, LIMIT).encode(nested)
    with pytest.raises(CodecError, match="bits"):
        Encoder(refuse, LIMIT).encode(1 << 100_000)


RAW3 = np.arange(3).tobytes()  # three int64, as an "a" node carries them


@pytest.mark.parametrize("tree, blobs", [
    (["zz"], []), ([], []), ("i", []), (["i", "12g"], []), (["i", "1" * 30_000], []), (["f", "nan" * 20], []),
    (["l", "notalist"], []), (["d", [[["n"]]]], []), (["st", [["l", []]]], []), (["d", [[["l", []], ["n"]]]], []),
    (["a", 3], []), (["a", 0, "<f8", [3]], [b"not raw"]), (["a0", 0, "<i8", [3]], [RAW3]),
    (["a", 0, "<i8", [3]], [RAW3[:-8]]), (["a", 0, "<i8", [9]], [RAW3]), (["a", 0, "<i8", [3]], []),
    (["a", 0, "|O8", [1]], [bytes(8)]), (["a", 0, "<V8", [1]], [bytes(8)]), (["a", 0, "<i8", [-3]], [RAW3]),
    (["a", 0, "<i8", "3"], [RAW3]), (["a", 0, "i8; evil", [3]], [RAW3]), (["a", 0, "<f8", [0, 2**62, 2**62]], [b""]),
    (["t", ["a", 0, "<i8", [3]], "int64", True], [RAW3]), (["t", ["a", 0, "<f8", [2]], "object", False], [bytes(16)]),
    (["t", ["a", 0, "<U1", [1]], "float64", False], ["x".encode("utf-32-le")]), (["g", 0, "Evil", ["n"]], []),
    (["g", 0, "PCG64", ["d", []]], []), (["sy", ["N", "eval", []]], []), (["sy", ["Y", "", {}]], []),
    (["sy", ["Y", "x", {"evil": True}]], []), (["sy", ["M", 2, 2, [["I", "1"]], False]], []),
    (["sy", ["N", "Pow", [["I", "2"]]]], []), (["sy", ["Q", "1", "0"]], []), (["h", 0], []), (["cb", 0], []),
])
def test_malformed_trees_are_refused(tree, blobs):
    with pytest.raises(CodecError):
        Decoder(blobs, no_references).decode(tree)


def test_array_shape_must_match_its_bytes():
    good = np.arange(4.0).tobytes()
    assert load_array(good, "<f8", [2, 2]).tolist() == [[0.0, 1.0], [2.0, 3.0]]
    assert load_array(good, "<f8", [4]).flags.writeable
    with pytest.raises(CodecError):
        load_array(good, "<f8", [10_000_000_000])


def endpoints(limit=LIMIT, handlers=None):
    left, right = socket.socketpair()
    make = [Endpoint(Channel(s, limit), export=refuse, resolve=no_references, handlers=h)
            for s, h in ((left, {}), (right, handlers or {}))]
    return make


def test_frames_over_the_cap_are_refused_before_reading_them():
    client, server = endpoints()
    client.channel.sock.sendall((LIMIT + 1).to_bytes(8, "big"))
    with pytest.raises(ProtocolError, match="over the"):
        server.channel.receive(deadline=None)


def test_malformed_headers_are_protocol_errors():
    client, server = endpoints()
    for payload in (b"\x00\x00\x00\x05[1,2", b"\x00\x00\x00\x03NaN", b"\x00\x00\x00\x02[]", b"\x00\x00\x00\x09{\"a\":1}\x00"):
        client.channel.sock.sendall(len(payload).to_bytes(8, "big") + payload)
        with pytest.raises(ProtocolError):
            server.channel.receive(deadline=None)


def test_undecodable_reply_is_a_bad_reply_not_a_broken_channel():
    client, server = endpoints()
    client.channel.send({"re": 1, "body": ["zz"]}, [])  # the answer to the request below, already waiting
    with pytest.raises(BadReply):
        server.request("x", None)
    client.channel.send({"re": 2, "body": ["s", "fine"]}, [])
    assert server.request("x", None).body == "fine"
