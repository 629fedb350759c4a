"""What keeps the server safe to run on a laptop or a shared host.

- `Guard` (ASGI middleware): refuses request bodies above a limit with a 413, both from
  the Content-Length header and by counting the bytes of a streamed (chunked) body, and
  adds security headers to every response: a Content-Security-Policy that allows only
  this server's own scripts and styles (no inline script, no outside resource), no
  sniffing, no framing, no referrer.
- `require_write`: write endpoints need the server's token when it has one (always when
  bound to a non-loopback address), and refuse cross-site requests (a page elsewhere
  posting into a server on localhost).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
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


def too_large_message(limit: int) -> str:
    return (f"the request body is over the limit of {limit:,} bytes (start the server with "
            "--max-body-bytes to change it)")


class Guard:
    def __init__(self, app, max_body_bytes: int):
        self.app, self.limit = app, max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message, headers=list(message.get("headers", []))
                               + [(k, v) for k, v in SECURITY_HEADERS if k not in names])
            await send(message)

        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _refuse(send_with_headers, self.limit)
            return

        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _refuse(send_with_headers, self.limit)


async def _refuse(send, limit: int) -> None:
    body = json.dumps({"error": {"code": "payload_too_large", "status": 413,
                                 "message": too_large_message(limit)}}).encode()
    await send({"type": "http.response.start", "status": 413,
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
                                 "TOKEN` (the token `newsprobe serve` printed, or --token / NEWSPROBE_TOKEN)")
