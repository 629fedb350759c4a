"""The analyse page and API: paste text or upload a file (txt, html, jsonl); each article
is analysed, stored, and shown. Writing needs the server's token when it has one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from ...errors import NewsprobeError
from ...ingest.html_page import read_html
from ...ingest.jsonl import read_jsonl
from ...ingest.outlet import outlet_of
from ...ingest.text import read_text
from ...model import Article
from ..render import path_part, render_page
from ..errors import ERROR_RESPONSES
from ..safety import require_write

router = APIRouter()

UPLOAD_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
FIELDS = ("id", "title", "url", "outlet", "published")


class AnalyseRequest(BaseModel):
    """One article to analyse. Only `text` is required."""
    text: str = Field(description="the article text, exactly as it is to be analysed")
    id: str | None = Field(None, max_length=300, description="default: a hash of the text")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=300, description="default: taken from the url")
    published: str | None = Field(None, max_length=40, description="ISO date, e.g. 2026-03-11")


def upload_kind(data: bytes, filename: str) -> str:
    """The reader an upload needs, by its suffix; the cheap refusals (another type, an
    empty file) come from here before any worker is asked."""
    origin = f"upload {filename!r}"
    name = filename.lower()
    kind = next((k for suffix, k in UPLOAD_KINDS.items() if name.endswith(suffix)), None)
    if kind is None:
        raise NewsprobeError("E006", "upload a .txt, .html/.htm or .jsonl file", origin)
    if not data.strip():
        raise NewsprobeError("E001", "the uploaded file is empty", origin)
    return kind


def articles_from_upload(data: bytes, filename: str, max_articles: int,
                         max_bytes: int) -> tuple[list[Article], list[NewsprobeError]]:
    """Articles from an uploaded file, read in memory (never from a path): the file name
    only chooses the reader by its suffix."""
    origin = f"upload {filename!r}"
    kind = upload_kind(data, filename)
    if kind == "html":
        return [read_html(data, origin)], []
    if kind == "text":
        return [read_text(data, origin)], []
    articles, failures = [], []
    for item in read_jsonl(io.BufferedReader(io.BytesIO(data)), origin, max_bytes):
        (failures if isinstance(item, NewsprobeError) else articles).append(item)
    if not articles and failures:
        raise failures[0]
    if len(articles) > max_articles:
        raise NewsprobeError("E005", f"{len(articles)} articles in one upload, over the limit of "
                             f"{max_articles} (setting web_max_upload_articles); use `newsprobe corpus` "
                             "for big sets", origin)
    return articles, failures


def with_fields(article: Article, fields: dict[str, str | None]) -> Article:
    for key in FIELDS:
        value = (fields.get(key) or "").strip()
        if value:
            setattr(article, key, value)
    if not article.outlet and article.url:
        article.outlet = outlet_of(article.url)
    return article


def warm_up(settings) -> None:
    """Load the models a job needs (in a worker process, before its first job)."""
    from ...analyze import analyze

    analyze("Warm-up. The council met on Monday, officials said.", settings)


def run_job(job: tuple, db: Path, settings) -> dict[str, Any]:
    """In a worker process (web/workers.py): read the input, analyse, store; returns
    {"articles": [newsprobe.article/1 ...], "links": [...], "failures": [...]}.

    Jobs: ("text", origin, text, fields) for pasted text, ("article", origin, text, fields)
    for an API body, ("upload", origin, data, filename, fields) for a file."""
    from ...analyze import analyze_many
    from ...store import Store

    kind, origin = job[0], job[1]
    failures: list[NewsprobeError] = []
    if kind == "upload":
        data, filename, fields = job[2], job[3], job[4]
        articles, failures = articles_from_upload(data, filename, settings.web_max_upload_articles,
                                                  settings.max_input_bytes)
    elif kind == "text":
        text, fields = job[2], job[3]
        articles = [read_text(text.encode("utf-8"), origin)]
    else:
        text, fields = job[2], job[3]
        articles = [Article(text=text.replace("\r\n", "\n"), origin=origin)]
    articles = [with_fields(a, fields) for a in articles] if len(articles) == 1 else articles
    analyses = list(analyze_many(articles, settings))
    with Store.open(db) as store:
        store.put_analyses(analyses)
    return {"articles": [a.to_dict() for a in analyses],
            "links": [f"/article/{path_part(a.id)}" for a in analyses],
            "failures": [f.to_dict() for f in failures]}


def form_text(form, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


@router.get("/analyse", include_in_schema=False)
def analyse_form(request: Request):
    return render_page(request, "analyse.html", {})


@router.post("/analyse", include_in_schema=False)
async def analyse_submit(request: Request):
    """The form: pasted text or a file. One article: go to its page; several: list them."""
    config = request.app.state.config
    # The whole body is already capped by Guard (web_max_body_bytes); a form field may use
    # all of it (Starlette's own default caps a field at 1 MiB).
    form = await request.form(max_part_size=config.max_body_bytes)
    require_write(request, form_text(form, "token"))
    upload = form.get("file")
    fields = {k: form_text(form, k) for k in FIELDS}
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read()
        upload_kind(data, upload.filename)
        job = ("upload", f"upload {upload.filename!r}", data, upload.filename, fields)
    else:
        text = form_text(form, "text") or ""
        if not text.strip():
            raise NewsprobeError("E001", "no text was pasted and no file chosen", "pasted text")
        job = ("text", "pasted text", text, fields)
    result = await request.app.state.pool.run(job)
    if len(result["links"]) == 1 and not result["failures"]:
        return RedirectResponse(result["links"][0], status_code=303)
    return render_page(request, "analysed.html", {"result": result})


@router.post("/api/analyse", tags=["articles"], status_code=201,
             summary="Analyse one article (JSON body) and store it", responses=ERROR_RESPONSES)
async def analyse_api(body: AnalyseRequest, request: Request) -> dict[str, Any]:
    """Returns `articles` (one `newsprobe.article/1` object), `links` (its page) and
    `failures` (empty). 400 for an empty text, 401/403 without the token or from another
    site, 413 over the body limit, 503 when the server is busy (`busy`, with Retry-After) or
    the analysis ran past its time limit (`analysis_timeout`)."""
    require_write(request)
    if not body.text.strip():
        raise NewsprobeError("E001", "the article has no text (field `text` empty)", "request body")
    result = await request.app.state.pool.run(("article", "request body", body.text, body.model_dump()))
    # A response, not a dict: FastAPI would walk a returned dict (thousands of findings) with
    # jsonable_encoder on the event loop.
    return JSONResponse(result, status_code=201)


@router.post("/api/analyse/upload", tags=["articles"], status_code=201,
             summary="Analyse an uploaded .txt, .html or .jsonl file and store its articles",
             responses=ERROR_RESPONSES)
async def analyse_upload_api(request: Request, file: UploadFile = File(...)) -> Any:
    """Returns `articles` (`newsprobe.article/1` objects), `links` and `failures` (JSONL
    lines that could not be read, each with its code and message). 415 for a binary file or
    another type, 400 for an empty one, 503 as for /api/analyse."""
    require_write(request)
    filename = file.filename or "upload"
    data = await file.read()
    upload_kind(data, filename)
    result = await request.app.state.pool.run(("upload", f"upload {filename!r}", data, filename, {}))
    return JSONResponse(result, status_code=201)
