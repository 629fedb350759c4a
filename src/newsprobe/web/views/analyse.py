"""The analyse page and API: paste text or upload a file (txt, html, jsonl); each article
is analysed, stored, and shown. Writing needs the server's token when it has one."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, File, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from ...errors import NewsprobeError
from ...ingest.html_page import read_html
from ...ingest.jsonl import read_jsonl
from ...ingest.outlet import outlet_of
from ...ingest.text import read_text
from ...model import Article
from ..render import path_part, render_page
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


def articles_from_upload(data: bytes, filename: str, max_articles: int,
                         max_bytes: int) -> tuple[list[Article], list[NewsprobeError]]:
    """Articles from an uploaded file, read in memory (never from a path): the file name
    only chooses the reader by its suffix."""
    origin = f"upload {filename!r}"
    name = filename.lower()
    kind = next((k for suffix, k in UPLOAD_KINDS.items() if name.endswith(suffix)), None)
    if kind is None:
        raise NewsprobeError("E006", "upload a .txt, .html/.htm or .jsonl file", origin)
    if not data.strip():
        raise NewsprobeError("E001", "the uploaded file is empty", origin)
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


def analyse_and_store(request: Request, articles: list[Article],
                      failures: list[NewsprobeError] | None = None) -> dict[str, Any]:
    """Analyse, store, and return {"articles": [newsprobe.article/1 ...], "failures": [...]}."""
    from ...analyze import analyze_many

    state = request.app.state
    with state.stores.analyse_lock:  # one spaCy pipeline; analyses take turns
        analyses = list(analyze_many(articles, state.config.settings))
    with state.stores.writer() as store:
        store.put_analyses(analyses)
    return {"articles": [a.to_dict() for a in analyses],
            "links": [f"/article/{path_part(a.id)}" for a in analyses],
            "failures": [f.to_dict() for f in failures or []]}


@router.get("/analyse", include_in_schema=False)
def analyse_form(request: Request):
    return render_page(request, "analyse.html", {})


@router.post("/analyse", include_in_schema=False)
async def analyse_submit(request: Request):
    """The form: pasted text or a file. One article: go to its page; several: list them."""
    form = await request.form()
    require_write(request, form.get("token") if isinstance(form.get("token"), str) else None)
    upload = form.get("file")
    fields = {k: form.get(k) if isinstance(form.get(k), str) else None for k in FIELDS}
    config = request.app.state.config
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read()
        articles, failures = articles_from_upload(data, upload.filename, config.settings.web_max_upload_articles,
                                                  config.settings.max_input_bytes)
    else:
        text = form.get("text") if isinstance(form.get("text"), str) else ""
        articles, failures = [read_text(text.encode("utf-8"), "pasted text")], []
    articles = [with_fields(a, fields) for a in articles] if len(articles) == 1 else articles
    result = await run_in_threadpool(analyse_and_store, request, articles, failures)
    if len(result["links"]) == 1 and not failures:
        return RedirectResponse(result["links"][0], status_code=303)
    return render_page(request, "analysed.html", {"result": result})


@router.post("/api/analyse", tags=["articles"], status_code=201,
             summary="Analyse one article (JSON body) and store it")
def analyse_api(body: AnalyseRequest, request: Request) -> dict[str, Any]:
    """Returns `articles` (one `newsprobe.article/1` object), `links` (its page) and
    `failures` (empty). 400 for an empty text, 401/403 without the token or from another
    site, 413 over the body limit."""
    require_write(request)
    if not body.text.strip():
        raise NewsprobeError("E001", "the article has no text (field `text` empty)", "request body")
    article = with_fields(Article(text=body.text.replace("\r\n", "\n"), origin="request body"),
                          body.model_dump())
    return analyse_and_store(request, [article])


@router.post("/api/analyse/upload", tags=["articles"], status_code=201,
             summary="Analyse an uploaded .txt, .html or .jsonl file and store its articles")
async def analyse_upload_api(request: Request, file: UploadFile = File(...)) -> Any:
    """Returns `articles` (`newsprobe.article/1` objects), `links` and `failures` (JSONL
    lines that could not be read, each with its code and message). 415 for a binary file or
    another type, 400 for an empty one."""
    require_write(request)
    config = request.app.state.config
    data = await file.read()
    articles, failures = articles_from_upload(data, file.filename or "upload", config.settings.web_max_upload_articles,
                                              config.settings.max_input_bytes)
    result = await run_in_threadpool(analyse_and_store, request, articles, failures)
    return JSONResponse(result, status_code=201)
