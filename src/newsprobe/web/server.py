"""Running the app under uvicorn: bind first, then announce; read timeouts; graceful stop.

- `bind()` opens the listening socket before anything is printed, so a busy port is an
  error (E022) and never a "serving ..." line followed by a traceback.
- `HeaderTimeoutProtocol`: uvicorn's h11 protocol with a deadline for a request's headers.
  uvicorn closes idle kept-alive connections (`timeout_keep_alive`) but waits for ever on a
  client that has sent half a request line; such clients (slowloris) could hold every
  connection. The body has its own deadline in `safety.Guard` (a 408).
- `serve()`: on SIGTERM or Ctrl-C uvicorn stops accepting, lets requests in flight finish
  for `web_shutdown_grace_s`, cancels the rest; the app's lifespan then stops the analysis
  workers (`workers.AnalysisPool.close`).
"""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import NewsprobeError
from ..settings import Settings


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, or E022 naming the address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise NewsprobeError("E022", f"cannot resolve the address to bind: {exc.strerror}", f"{host}:{port}") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise NewsprobeError("E022", f"cannot listen there: {exc.strerror} (another server on that port? "
                                     "choose another with --port)", f"{host}:{port}") from exc
    sock.set_inheritable(True)
    return sock


class HeaderTimeoutProtocol(H11Protocol):
    """Closes a connection whose request headers are not complete `header_timeout` seconds
    after the connection was made, or after the first byte of a next request on it."""

    header_timeout = 10.0

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.header_deadline: asyncio.TimerHandle | None = self.loop.call_later(
            self.header_timeout, self._headers_too_slow)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        in_request = self.cycle is not None and not self.cycle.response_complete
        if in_request:
            self._cancel_header_deadline()
        elif self.header_deadline is None and not self.transport.is_closing():
            self.header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._cancel_header_deadline()  # idle until the next request: uvicorn's keep-alive timer

    def connection_lost(self, exc) -> None:
        self._cancel_header_deadline()
        super().connection_lost(exc)

    def _cancel_header_deadline(self) -> None:
        if getattr(self, "header_deadline", None) is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def _headers_too_slow(self) -> None:
        self.header_deadline = None
        if self.cycle is None or self.cycle.response_complete:
            if not self.transport.is_closing():
                self.transport.close()


def uvicorn_config(app, settings: Settings, **extra) -> uvicorn.Config:
    web = settings.section("web")
    protocol = type("NewsprobeHTTP", (HeaderTimeoutProtocol,), {"header_timeout": web.header_timeout_s})
    return uvicorn.Config(app, http=protocol, log_level="warning",
                          timeout_keep_alive=int(max(1, web.keep_alive_s)),
                          timeout_graceful_shutdown=int(max(1, web.shutdown_grace_s)),
                          h11_max_incomplete_event_size=64 * 1024, **extra)


def serve(app, sock: socket.socket, settings: Settings) -> None:
    uvicorn.Server(uvicorn_config(app, settings)).run(sockets=[sock])
