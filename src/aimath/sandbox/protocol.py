"""The message protocol between harness and worker: length-prefixed frames over a Unix socket.

A frame is an 8-byte length, then a 4-byte length and a JSON header, then blobs (each an 8-byte
length and bytes). The header is a request `{"id", "op", "body"}`, a reply `{"re", "body"}` or
`{"re", "error"}`, or a notification `{"note", ...}`; bodies are codec trees whose blobs follow.
Every frame has a size cap, checked before anything is allocated.

Both sides run the same `Endpoint`: while one waits for the reply to its request it serves the
requests the other side sends meanwhile (the worker calling back a test's function, the test using a
handle from inside that callback), so calls can nest in both directions.
"""

from __future__ import annotations

import contextlib
import json
import signal
import socket
import struct
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .codec import CodecError, Decoder, Encoder, TooLarge

FRAME = struct.Struct("!Q")
HEAD = struct.Struct("!I")


class ProtocolError(Exception):
    """The peer sent something that is not a valid message; the channel cannot be trusted any more."""


class Closed(ProtocolError):
    pass


class Timeout(Exception):
    pass


class BadReply(Exception):
    """A complete reply whose body does not decode (the channel itself is still in step)."""


class RemoteError(Exception):
    """The peer's handler failed; `error` is its report (plain data)."""

    def __init__(self, error: dict):
        super().__init__(error.get("type", "error"))
        self.error = error


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")  # floats travel as hex strings, never as NaN literals


class Channel:
    """Frames over a connected socket. `guard` wraps every read and write (the worker blocks its CPU
    timer signal there, so a time limit never lands in the middle of a frame)."""

    def __init__(self, sock: socket.socket, limit: int,
                 guard: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext):
        self.sock = sock
        self.limit = limit
        self.guard = guard

    def send(self, head: dict, blobs: list[bytes], deadline: float | None = None) -> None:
        text = json.dumps(head, separators=(",", ":")).encode()
        parts = [HEAD.pack(len(text)), text]
        for blob in blobs:
            parts += [FRAME.pack(len(blob)), blob]
        size = sum(map(len, parts))
        if size > self.limit:  # refused before anything is written: the channel stays in step
            raise TooLarge(f"a message of {size / 2**20:.1f} MB, over the {self.limit / 2**20:g} MB limit")
        with self.guard():
            self._timeout(deadline)
            try:
                self.sock.sendall(b"".join([FRAME.pack(size), *parts]))
            except TimeoutError:
                raise Timeout() from None
            except OSError as exc:
                raise Closed(f"cannot send ({exc.strerror})") from None

    def receive(self, deadline: float | None = None) -> tuple[dict, list[bytes]]:
        with self.guard():
            (size,) = FRAME.unpack(self._read(FRAME.size, deadline))
            if size > self.limit:
                raise ProtocolError(f"a message of {size / 2**20:.1f} MB, over the {self.limit / 2**20:g} MB limit")
            payload = memoryview(self._read(size, deadline))
        return _parse(payload)

    def _timeout(self, deadline: float | None) -> None:
        if deadline is None:
            self.sock.settimeout(None)
        else:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout()
            self.sock.settimeout(remaining)

    def _read(self, n: int, deadline: float | None) -> bytearray:
        buffer = bytearray(n)
        view, got = memoryview(buffer), 0
        while got < n:
            self._timeout(deadline)
            try:
                count = self.sock.recv_into(view[got:])
            except TimeoutError:
                raise Timeout() from None
            except OSError as exc:
                raise Closed(f"cannot receive ({exc.strerror})") from None
            if count == 0:
                raise Closed("the other side closed the connection")
            got += count
        return buffer


def _parse(payload: memoryview) -> tuple[dict, list[bytes]]:
    if len(payload) < HEAD.size:
        raise ProtocolError("a truncated message")
    (length,) = HEAD.unpack(payload[: HEAD.size])
    end = HEAD.size + length
    if end > len(payload):
        raise ProtocolError("a truncated message header")
    try:
        head = json.loads(bytes(payload[HEAD.size : end]), parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"an unreadable message header ({type(exc).__name__})") from None
    if type(head) is not dict:
        raise ProtocolError("a message header that is not an object")
    blobs, position = [], end
    while position < len(payload):
        if position + FRAME.size > len(payload):
            raise ProtocolError("a truncated blob")
        (size,) = FRAME.unpack(payload[position : position + FRAME.size])
        position += FRAME.size
        if position + size > len(payload):
            raise ProtocolError("a truncated blob")
        blobs.append(bytes(payload[position : position + size]))
        position += size
    return head, blobs


@dataclass
class Reply:
    body: Any
    sent_generators: list  # the generators of the request, by slot (for the write-back of their state)


Handler = Callable[[Any, Decoder], Any]


class Endpoint:
    """Requests, replies and notifications over a channel, encoded with one side's codec hooks."""

    def __init__(self, channel: Channel, *, export: Callable[[Any, Encoder], list],
                 resolve: Callable[[list, Decoder], Any], handlers: Mapping[str, Handler],
                 on_note: Callable[[dict], None] = lambda note: None):
        self.channel = channel
        self.export = export
        self.resolve = resolve
        self.handlers = handlers
        self.on_note = on_note
        self.next_id = 0

    def encode(self, body: Any) -> tuple[list, Encoder]:
        encoder = Encoder(self.export, self.channel.limit)
        return encoder.encode(body), encoder

    def request(self, op: str, body: Any, deadline: float | None = None) -> Reply:
        """Send a request and serve the peer's nested requests until its reply arrives."""
        self.next_id += 1
        number = self.next_id
        tree, encoder = self.encode(body)
        self.channel.send({"id": number, "op": op, "body": tree}, encoder.blobs, deadline)
        while True:
            head, blobs = self.channel.receive(deadline)
            if "re" in head:
                if head["re"] != number:
                    raise ProtocolError("a reply to a request that is not pending")
                if "error" in head:
                    raise RemoteError(head["error"] if type(head["error"]) is dict else {})
                try:
                    body = Decoder(blobs, self.resolve).decode(head.get("body"))
                except CodecError as exc:
                    raise BadReply(str(exc)) from None
                return Reply(body, encoder.generators)
            self.dispatch(head, blobs, deadline)

    def notify(self, note: str, **fields: Any) -> None:
        self.channel.send({"note": note, **fields}, [])

    def serve_forever(self) -> None:
        while True:
            head, blobs = self.channel.receive()
            self.dispatch(head, blobs, None)

    def dispatch(self, head: dict, blobs: list[bytes], deadline: float | None) -> None:
        if "note" in head:
            self.on_note(head)
            return
        number, handler = head.get("id"), self.handlers.get(head.get("op"))
        if type(number) is not int or handler is None:
            raise ProtocolError(f"an unexpected message ({sorted(head)[:4]})")
        try:
            decoder = Decoder(blobs, self.resolve)
            tree, encoder = self.encode(handler(decoder.decode(head.get("body")), decoder))
            self.channel.send({"re": number, "body": tree}, encoder.blobs, deadline)
            return
        except (ProtocolError, Timeout):
            raise
        except Exception as exc:  # the handler's failure is the peer's answer, not ours
            error = error_report(exc)
        self.channel.send({"re": number, "error": error}, [], deadline)


def error_report(exc: BaseException) -> dict:
    """What one side tells the other about an exception: plain data, the message cut short."""
    return {"type": type(exc).__name__, "mro": [c.__name__ for c in type(exc).__mro__][:16],
            "message": str(exc)[:500]}


@contextlib.contextmanager
def signals_blocked(*signals: int) -> Iterator[None]:
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
