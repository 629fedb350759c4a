"""The one flow to read first: Article -> spaCy Doc (parsed once) -> layers -> Analysis.

Each layer is a module in `layers/` with NAME, VERSION, REQUIRES and one entry point
`run(doc, analysis, settings)` that returns its findings; this module stores them on the
Analysis in order, so a layer sees exactly the findings of the layers before it.

The layers and the parser (spaCy, MiniLM) are imported when an analysis runs, not with this
module: `import newsprobe` and `newsprobe --version` stay cheap.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator

from . import __version__
from .datelines import DATE_READER, publication_date
from .errors import NewsprobeError
from .ingest.text import canonical_text
from .language import LANGUAGE_DETECTOR, UNDETERMINED, detect_language
from .model import Analysis, Article
from .provenance import models_hash, settings_hash
from .settings import Settings

log = logging.getLogger(__name__)


def article_id(article: Article) -> str:
    """The article's own id, else a hash of its canonical text (`ingest.text.canonical_text`:
    LF line ends, no surrounding whitespace): the same text always gets the same id, from
    the CLI, the web API or the library, which is what lets the corpus store reuse earlier
    analyses. Readers already hand on canonical text, so their ids hash the text as is."""
    if article.id:
        return str(article.id)
    text = canonical_text(article.text)
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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
    from .layers import LAYERS
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


def _prepare(settings: Settings | None, layers: Iterable[str] | None) -> tuple:
    """The settings, the chosen layers, the loaded pipeline and its label for one run."""
    from .parse import load_pipeline, pipeline_label
    settings = settings or Settings()
    nlp = load_pipeline(settings.model or None, settings.max_sentence_tokens)
    return settings, select_layers(layers), nlp, pipeline_label(nlp)


def analyze_many(articles: Iterable[Article], settings: Settings | None = None,
                 layers: Iterable[str] | None = None) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in batches with nlp.pipe. `layers` limits
    the run to some layers (and those they require); the others' fields stay empty."""
    settings, chosen, nlp, model = _prepare(settings, layers)
    batch: list[Article] = []
    for article in articles:
        check_text(article, settings.max_input_bytes)
        batch.append(article)
        if len(batch) >= settings.pipe_batch_size:
            yield from _analyze_batch(batch, nlp, model, settings, chosen)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, model, settings, chosen)


def analyze_each(articles: Iterable[Article], settings: Settings | None = None,
                 layers: Iterable[str] | None = None) -> Iterator[Analysis | NewsprobeError]:
    """Like analyze_many, for runs over many inputs: one item per article, in order, either
    its Analysis or the NewsprobeError naming it (E005 over the size limit, E003 invalid
    Unicode, E031 a layer failing on it), so that no article ends the run of the others.
    Only a failure that concerns every article (E010, no spaCy pipeline) is raised."""
    settings, chosen, nlp, model = _prepare(settings, layers)
    batch: list[Article] = []
    for article in articles:
        try:
            check_text(article, settings.max_input_bytes)
        except NewsprobeError as err:
            # The articles before it come out first: results stay in input order.
            yield from _analyze_batch_alone(batch, nlp, model, settings, chosen)
            batch = []
            yield err
            continue
        batch.append(article)
        if len(batch) >= settings.pipe_batch_size:
            yield from _analyze_batch_alone(batch, nlp, model, settings, chosen)
            batch = []
    yield from _analyze_batch_alone(batch, nlp, model, settings, chosen)


def _analyze_batch_alone(batch: list[Article], nlp, model: str, settings: Settings,
                         layers: tuple) -> Iterator[Analysis | NewsprobeError]:
    """A batch's analyses; when one article makes the parser or a layer fail, the rest of
    the batch is analysed one by one and only that article becomes an E031 error."""
    done = 0
    try:
        for analysis in _analyze_batch(batch, nlp, model, settings, layers):
            done += 1
            yield analysis
        return
    except Exception:  # noqa: BLE001 - one bad article must not sink the batch
        log.exception("a batch of %d articles failed; analysing them one by one", len(batch))
    for article in batch[done:]:
        try:
            yield from _analyze_batch([article], nlp, model, settings, layers)
        except Exception as exc:  # noqa: BLE001
            log.exception("analysis failed for %s", article.origin or article_id(article))
            yield NewsprobeError("E031", f"analysis failed: {type(exc).__name__}: {exc}",
                                 article.origin or article_id(article))


def _analyze_batch(batch: list[Article], nlp, model: str, settings: Settings,
                   layers: tuple) -> Iterator[Analysis]:
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


def layer_versions(layers: tuple | None = None) -> dict[str, str]:
    """What produced an analysis, as the store keys it: each layer's version (all layers
    unless told), the language detector's (it decides which layers run) and the date
    reader's (it fills `published` for pages that give no date with the input)."""
    if layers is None:
        layers = select_layers(None)
    return {"language": LANGUAGE_DETECTOR, "dates": DATE_READER,
            **{layer.NAME: layer.VERSION for layer in layers}}


def read_publication_date(analysis: Analysis) -> None:
    """Say where `published` came from; when the input gave no date (a .txt file, an HTML
    page whose markup declares none), read it from the dateline the page shows
    (`datelines.publication_date`), so that the corpus stage can order copies by date."""
    if analysis.published:
        analysis.published_from = {"from": "input"}
        return
    found = publication_date(analysis.text, analysis.language, analysis.title)
    if found is not None:
        analysis.published = found.value
        analysis.published_from = {"from": "text" if found.span else "title", "written": found.written,
                                   "span": found.span.to_dict() if found.span else None}


def analyze_doc(article: Article, doc, settings: Settings, model: str = "",
                parse_ms: float = 0.0, layers: tuple | None = None) -> Analysis:
    """Run the layers over an already parsed Doc (the Spark job and benchmarks use this);
    all layers unless `layers` names some (as `select_layers` returns them). The text's
    language is detected; English-only layers are skipped for other languages
    (`meta["layers_run"]` names the layers that ran, `meta["layers_skipped"]` the others)."""
    if layers is None:
        layers = select_layers(None)
    language = detect_language(f"{article.title}\n{article.text}" if article.title else article.text)
    analysis = Analysis(
        text=article.text, id=article_id(article), title=article.title, url=article.url,
        outlet=article.outlet, published=article.published, language=language,
    )
    read_publication_date(analysis)
    timings = {"parse": round(parse_ms, 2)}
    skipped = {layer.NAME: f"English-only; text is {language}" for layer in layers
               if layer.NAME in ENGLISH_ONLY_LAYERS and language not in ("en", UNDETERMINED)}
    for layer in layers:
        if layer.NAME in skipped:
            continue
        started = time.perf_counter()
        setattr(analysis, layer.FIELD, layer.run(doc, analysis, settings))
        timings[layer.NAME] = round((time.perf_counter() - started) * 1000, 2)
    # Layers may leave notes in meta (a cap that was hit: "capped"); they are kept.
    analysis.meta = {
        **analysis.meta,
        "newsprobe": __version__,
        "model": model,
        "layers": layer_versions(layers),
        "layers_run": [layer.NAME for layer in layers if layer.NAME not in skipped],
        "settings_hash": settings_hash(settings),
        "models_hash": models_hash(settings, model),
        "timings_ms": timings,
    }
    if skipped:
        analysis.meta["layers_skipped"] = skipped
    if article.origin:
        analysis.meta["origin"] = article.origin
    return analysis
