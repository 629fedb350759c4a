"""Every failure becomes `{"error": {"code", "status", "message"}}`, never a stack trace.

A browser asking for a page (not /api/…, not …json) gets the same message as an HTML page.
NewsprobeError codes map to HTTP statuses: the input's fault is a 4xx that names it.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CODES, NewsprobeError

log = logging.getLogger(__name__)

# NewsprobeError code -> HTTP status.
STATUS_OF = {
    "E001": 400,  # empty input
    "E002": 415,  # binary input: not a media type we read
    "E003": 415,  # not UTF-8
    "E004": 400,  # malformed JSONL line
    "E005": 413,  # input too large
    "E006": 415,  # unsupported input type
    "E008": 422,  # no article text in the HTML
    "E020": 503,  # store cannot be opened
    "E021": 400,  # bad search query
}
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
              422: "invalid_request", 500: "internal_error", 503: "unavailable"}


def wants_html(request: Request) -> bool:
    path = request.url.path
    return (not path.startswith("/api/") and not path.endswith(".json") and path != "/openapi.json"
            and "text/html" in request.headers.get("accept", ""))


def error_response(request: Request, status: int, code: str, message: str):
    if wants_html(request):
        from .render import render_page
        return render_page(request, "error.html", {"status": status, "code": code, "message": message},
                           status=status)
    return JSONResponse({"error": {"code": code, "status": status, "message": message}}, status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing here: {request.url.path}"
        return error_response(request, exc.status_code, HTTP_CODES.get(exc.status_code, "http_error"),
                              message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "request"
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
        return error_response(request, 422, "invalid_request", "; ".join(problems) or "invalid request")

    @app.exception_handler(NewsprobeError)
    async def newsprobe_error(request: Request, exc: NewsprobeError):
        status = STATUS_OF.get(exc.code, 400)
        return error_response(request, status, exc.code, f"{CODES[exc.code]}: {exc.message}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal_error",
                              "something went wrong on the server; the details are in its log")
