"""The one flow to read first: Article -> spaCy Doc (parsed once) -> layers -> Analysis.

Each layer is a module in `layers/` with NAME, VERSION, REQUIRES and one entry point
`run(doc, analysis, settings)` that returns its findings; this module stores them on the
Analysis in order, so a layer sees exactly the findings of the layers before it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator

from . import __version__
from .layers import LAYERS
from .model import Analysis, Article
from .parse import load_pipeline, pipeline_label
from .settings import Settings


def article_id(article: Article) -> str:
    """The article's own id, else a content hash: the same text always gets the same id,
    which is what lets the corpus store reuse earlier analyses."""
    if article.id:
        return str(article.id)
    return "sha1:" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:16]


def analyze(article: Article | str, settings: Settings | None = None) -> Analysis:
    """Analyse one article (or a plain string)."""
    if isinstance(article, str):
        article = Article(text=article)
    return next(analyze_many([article], settings))


def analyze_many(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in batches with nlp.pipe."""
    settings = settings or Settings.load()
    nlp = load_pipeline(settings.model or None)
    model = pipeline_label(nlp)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= settings.pipe_batch_size:
            yield from _analyze_batch(batch, nlp, model, settings)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, model, settings)


def _analyze_batch(batch: list[Article], nlp, model: str, settings: Settings) -> Iterator[Analysis]:
    started = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in batch))
    # nlp.pipe parses a batch at once; charge each article its share by length.
    parse_ms = (time.perf_counter() - started) * 1000
    total_chars = sum(len(a.text) for a in batch) or 1
    for article, doc in zip(batch, docs):
        yield analyze_doc(article, doc, settings, model,
                          parse_ms=parse_ms * len(article.text) / total_chars)


def analyze_doc(article: Article, doc, settings: Settings, model: str = "",
                parse_ms: float = 0.0) -> Analysis:
    """Run the layers over an already parsed Doc (the Spark job and benchmarks use this)."""
    analysis = Analysis(
        text=article.text, id=article_id(article), title=article.title, url=article.url,
        outlet=article.outlet, published=article.published, language=article.language,
    )
    timings = {"parse": round(parse_ms, 2)}
    for layer in LAYERS:
        started = time.perf_counter()
        setattr(analysis, layer.FIELD, layer.run(doc, analysis, settings))
        timings[layer.NAME] = round((time.perf_counter() - started) * 1000, 2)
    analysis.meta = {
        "newsprobe": __version__,
        "model": model,
        "layers": {layer.NAME: layer.VERSION for layer in LAYERS},
        "timings_ms": timings,
    }
    if article.origin:
        analysis.meta["origin"] = article.origin
    return analysis
