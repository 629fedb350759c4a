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
from .errors import NewsprobeError
from .language import LANGUAGE_DETECTOR, UNDETERMINED, detect_language
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


def analyze(article: Article | str, settings: Settings | None = None,
            layers: Iterable[str] | None = None) -> Analysis:
    """Analyse one article (or a plain string)."""
    if isinstance(article, str):
        article = Article(text=article)
    return next(analyze_many([article], settings, layers))


def check_text(article: Article, limit: int) -> None:
    """E005 for a text over `limit` UTF-8 bytes, E003 for one that is not valid Unicode (a
    lone surrogate, which JSON's "\\ud800" escape produces). Ingest refuses both before
    analysis; this guards library and web callers, for whom spaCy would otherwise fail
    with its own max_length or UnicodeEncodeError, or run out of memory."""
    try:
        size = len(article.text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise NewsprobeError(
            "E003", f"the text holds a lone surrogate (U+{ord(article.text[exc.start]):04X}) at "
            f"character {exc.start}: not valid Unicode", article.origin or article.id) from None
    if size > limit:
        raise NewsprobeError(
            "E005", f"the text is {size:,} bytes, over the limit of {limit:,} (raise it with "
            "the setting max_input_bytes or the environment variable NEWSPROBE_MAX_INPUT_BYTES)",
            article.origin or article.id)


def select_layers(names: Iterable[str] | None) -> tuple:
    """The layers to run: all of them, or the named ones plus the layers they require
    (an evaluation of attribution needs entities, not techniques)."""
    if names is None:
        return LAYERS
    wanted = set(names)
    unknown = wanted - {layer.NAME for layer in LAYERS}
    if unknown:
        raise ValueError(f"unknown layers: {sorted(unknown)}")
    for layer in reversed(LAYERS):
        if layer.NAME in wanted:
            wanted |= {other.NAME for other in LAYERS if other.FIELD in layer.REQUIRES}
    return tuple(layer for layer in LAYERS if layer.NAME in wanted)


def analyze_many(articles: Iterable[Article], settings: Settings | None = None,
                 layers: Iterable[str] | None = None) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in batches with nlp.pipe. `layers` limits
    the run to some layers (and those they require); the others' fields stay empty."""
    settings = settings or Settings.load()
    chosen = select_layers(layers)
    nlp = load_pipeline(settings.model or None, settings.max_sentence_tokens)
    model = pipeline_label(nlp)
    batch: list[Article] = []
    for article in articles:
        check_text(article, settings.max_input_bytes)
        batch.append(article)
        if len(batch) >= settings.pipe_batch_size:
            yield from _analyze_batch(batch, nlp, model, settings, chosen)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, model, settings, chosen)


def _analyze_batch(batch: list[Article], nlp, model: str, settings: Settings,
                   layers: tuple = LAYERS) -> Iterator[Analysis]:
    started = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in batch))
    # nlp.pipe parses a batch at once; charge each article its share by length.
    parse_ms = (time.perf_counter() - started) * 1000
    total_chars = sum(len(a.text) for a in batch) or 1
    for article, doc in zip(batch, docs):
        yield analyze_doc(article, doc, settings, model,
                          parse_ms=parse_ms * len(article.text) / total_chars, layers=layers)


# Layers whose model and lexicons are English (the spaCy English pipeline, English cue
# words): on a text in another language they would emit English analyses of it, so they
# do not run there. The corpus stage reads language-independent evidence instead.
ENGLISH_ONLY_LAYERS = frozenset({"entities", "attribution", "claims", "techniques", "integrity"})


def layer_versions(layers: tuple = LAYERS) -> dict[str, str]:
    """What produced an analysis, as the store keys it: each layer's version, and the
    language detector's (it decides which layers run)."""
    return {"language": LANGUAGE_DETECTOR, **{layer.NAME: layer.VERSION for layer in layers}}


def analyze_doc(article: Article, doc, settings: Settings, model: str = "",
                parse_ms: float = 0.0, layers: tuple = LAYERS) -> Analysis:
    """Run the layers over an already parsed Doc (the Spark job and benchmarks use this).
    The text's language is detected; English-only layers are skipped for other languages
    (`meta["layers_run"]` names the layers that ran, `meta["layers_skipped"]` the others)."""
    language = detect_language(f"{article.title}\n{article.text}" if article.title else article.text)
    analysis = Analysis(
        text=article.text, id=article_id(article), title=article.title, url=article.url,
        outlet=article.outlet, published=article.published, language=language,
    )
    timings = {"parse": round(parse_ms, 2)}
    skipped = {layer.NAME: f"English-only; text is {language}" for layer in layers
               if layer.NAME in ENGLISH_ONLY_LAYERS and language not in ("en", UNDETERMINED)}
    for layer in layers:
        if layer.NAME in skipped:
            continue
        started = time.perf_counter()
        setattr(analysis, layer.FIELD, layer.run(doc, analysis, settings))
        timings[layer.NAME] = round((time.perf_counter() - started) * 1000, 2)
    analysis.meta = {
        "newsprobe": __version__,
        "model": model,
        "layers": layer_versions(layers),
        "layers_run": [layer.NAME for layer in layers if layer.NAME not in skipped],
        "timings_ms": timings,
    }
    if skipped:
        analysis.meta["layers_skipped"] = skipped
    if article.origin:
        analysis.meta["origin"] = article.origin
    return analysis
