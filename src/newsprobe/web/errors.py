"""Every failure becomes `{"error": {"code", "status", "message"}}`, never a stack trace.

A browser asking for a page (not /api/…, not …json) gets the same message as an HTML page.
NewsprobeError codes map to HTTP statuses: the input's fault is a 4xx that names it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route
from fastapi import HTTPException

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
              405: "method_not_allowed", 408: "request_timeout", 413: "payload_too_large",
              415: "unsupported_media_type", 421: "host_not_allowed", 422: "invalid_request",
              500: "internal_error", 503: "unavailable"}


class WebError(HTTPException):
    """An HTTP error with its own code (`busy`, `analysis_timeout`, ...) where the status
    alone does not say what happened, and the headers that go with it (Retry-After)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(status, message, headers)
        self.code = code


class ErrorDetail(BaseModel):
    code: str = Field(description="stable code: newsprobe's (E001 ...) or the web app's (not_found, busy ...)")
    status: int
    message: str


class ErrorBody(BaseModel):
    """What every error response carries (JSON; a browser asking for a page gets HTML)."""
    error: ErrorDetail


def _error_doc(text: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": text}


# The error responses every route can give, for the OpenAPI schema.
COMMON_ERRORS = {
    421: _error_doc("`host_not_allowed`: the Host header is not one this server answers to"),
    422: _error_doc("`invalid_request`: a parameter is missing or malformed"),
    500: _error_doc("`internal_error`: details in the server's log only"),
}
READ_RESPONSES = {404: _error_doc("`not_found`"), 400: _error_doc("`E021`: a bad search query or date"),
                  **COMMON_ERRORS}
ERROR_RESPONSES = {
    400: _error_doc("`E001` empty input, `E004` malformed JSONL"),
    401: _error_doc("`unauthorized`: the server has a token and it was not sent (WWW-Authenticate: Bearer)"),
    403: _error_doc("`forbidden`: a cross-site request"),
    408: _error_doc("`request_timeout`: the body did not arrive within web_body_timeout_s"),
    413: _error_doc("`payload_too_large` over web_max_body_bytes, `E005` input too large"),
    415: _error_doc("`E002` binary, `E003` not UTF-8, `E006` another file type"),
    503: _error_doc("`busy` (with Retry-After) when every worker and queue place is taken, "
                    "`analysis_timeout` past web_analysis_time_limit_s, `shutting_down`"),
    **COMMON_ERRORS,
}


def wants_html(request: Request) -> bool:
    path = request.url.path
    return (not path.startswith("/api/") and not path.endswith(".json") and path != "/openapi.json"
            and "text/html" in request.headers.get("accept", ""))


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None):
    if wants_html(request):
        from .render import render_page
        page = render_page(request, "error.html", {"status": status, "code": code, "message": message},
                           status=status)
        page.headers.update(headers or {})
        return page
    return JSONResponse({"error": {"code": code, "status": status, "message": message}}, status_code=status,
                        headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes for this path (Starlette names only the first route's)."""
    methods: set[str] = set()

    def walk(routes) -> None:
        for route in routes:
            included = getattr(route, "original_router", None)  # a router included (no prefix here)
            if included is not None:
                walk(included.routes)
            elif isinstance(route, Route) and route.matches(request.scope)[0] != Match.NONE:
                methods.update(route.methods or ())

    walk(request.app.router.routes)
    if "GET" in methods:
        methods.add("HEAD")  # Guard answers HEAD as GET
    return sorted(methods)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing here: {request.url.path}"
        code = getattr(exc, "code", None) or HTTP_CODES.get(exc.status_code, "http_error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
            message = f"{request.method} is not allowed here; allowed: {headers['Allow']}"
        # Headers the error comes with (Allow on a 405, WWW-Authenticate on a 401, Retry-After).
        return error_response(request, exc.status_code, code, message, headers)

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
