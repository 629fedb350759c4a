"""What keeps the server safe to run on a laptop or a shared host.

- `Guard` (ASGI middleware), on every request before any route:
  - refuses a Host header that is not one of the server's names with a 421
    (`host_not_allowed`): a page on another site whose DNS name was rebound to 127.0.0.1
    sends its own name, so it can neither read nor write a local store;
  - refuses request bodies above a limit with a 413, both from the Content-Length header
    and by counting the bytes of a streamed (chunked) body, and a body that has not
    arrived within `body_timeout_s` with a 408 (`request_timeout`);
  - answers HEAD as GET without the body;
  - adds security headers to every response: a Content-Security-Policy that allows only
    this server's own scripts and styles (no inline script, no outside resource), no
    sniffing, no framing, no referrer.
- `require_write`: write endpoints need the server's token when it has one (always when
  bound to a non-loopback address), and refuse cross-site requests (a page elsewhere
  posting into a server on localhost).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import time
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a streamed body passes the limit. An HTTPException, so
    that FastAPI's body parsing passes it on instead of calling it a bad body (400)."""

    def __init__(self, limit: int):
        super().__init__(413, too_large_message(limit))


class BodyTimeout(HTTPException):
    def __init__(self, seconds: float):
        super().__init__(408, f"the request body did not arrive within {seconds:g} s "
                              "(setting web_body_timeout_s)")
        self.code = "request_timeout"


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def allowed_host_names(setting: str, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names a server answers: loopback names, the comma-separated setting, and
    `extra` (the bound address). None (no check) when any of them is "*"."""
    names = {n.strip().lower().rstrip(".") for n in [*setting.split(","), *extra]}
    names.discard("")
    if "*" in names:
        return None
    return frozenset(names | set(LOOPBACK_NAMES))


def host_name(header: str) -> str:
    """"Example.org:8000" -> "example.org"; "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        header = header.split(":")[0]
    return header.rstrip(".")


def too_large_message(limit: int) -> str:
    return (f"the request body is over the limit of {limit:,} bytes (start the server with "
            "--max-body-bytes to change it)")


class Guard:
    def __init__(self, app, max_body_bytes: int, allowed_hosts: frozenset[str] | None = None,
                 body_timeout_s: float = 60.0):
        self.app, self.limit = app, max_body_bytes
        self.allowed_hosts, self.body_timeout = allowed_hosts, body_timeout_s

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False
        head = scope["method"] == "HEAD"

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message, headers=list(message.get("headers", []))
                               + [(k, v) for k, v in SECURITY_HEADERS if k not in names])
            elif head and message["type"] == "http.response.body":
                message = dict(message, body=b"")  # HEAD: GET's headers, no body
            await send(message)

        headers = dict(scope.get("headers") or [])
        if self.allowed_hosts is not None:
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.allowed_hosts:
                await _refuse(send_with_headers, 421, "host_not_allowed",
                              f"this server does not answer to the host name {host!r} (a guard against DNS "
                              "rebinding); start it with --allow-host NAME (setting web_allowed_hosts) to add it")
                return
        if head:
            scope = dict(scope, method="GET")

        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _refuse(send_with_headers, 413, "payload_too_large", too_large_message(self.limit))
            return

        received = 0
        body_done = False
        deadline = time.monotonic() + self.body_timeout

        async def counted_receive():
            nonlocal received, body_done
            if body_done:  # after the body: waiting for a disconnect is not a slow body
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                raise BodyTimeout(self.body_timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
                body_done = not message.get("more_body", False)
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _refuse(send_with_headers, 413, "payload_too_large", too_large_message(self.limit))
        except BodyTimeout as exc:
            if not started:
                await _refuse(send_with_headers, 408, "request_timeout", exc.detail)


async def _refuse(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "status": status, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_of(request: Request, form_token: str | None = None) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-newsprobe-token") or form_token


def require_write(request: Request, form_token: str | None = None) -> None:
    """Raise 403 for a cross-site write, 401 for a missing or wrong token (when the server
    has one). Browsers send Origin (and Sec-Fetch-Site) with every POST."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "cross-site requests may not write to this server")
    origin = request.headers.get("origin")
    if origin and (origin == "null" or urlsplit(origin).netloc != request.headers.get("host")):
        raise HTTPException(403, f"requests from {origin} may not write to this server")
    token = request.app.state.config.token
    if token is None:
        return
    given = token_of(request, form_token)
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "this server needs a token to write: send `Authorization: Bearer "
                                 "TOKEN` (the token `newsprobe serve` printed, or --token / NEWSPROBE_TOKEN)",
                            headers={"WWW-Authenticate": 'Bearer realm="newsprobe"'})
