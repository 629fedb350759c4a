"""The `newsprobe.article/1` contract flattened into tables: one row per article, quote,
claim, technique, integrity finding and failed input.

Batch and Spark runs write these tables as Parquet with exactly the schemas below, so a
DuckDB query over `out/quotes/*.parquet` reads the same columns whichever ran. Rules:

- every row carries `origin` (the input record: `file`, `file:LINE`, `file.warc.gz@OFFSET`)
  and `article_id`; together with the finding's id they identify a row, even when two
  inputs hold the same text (and so the same content-hash id);
- a span becomes `<name>_start`, `<name>_end`, `<name>_text` columns (null when absent); a
  list of spans (a discontinuous quote content, a claim's hedges) is kept whole as a JSON
  string, next to the columns of its outer bounds where that helps a query;
- nested values (chain, factchecks, entities) are JSON strings (sorted keys), so that the
  schema stays flat and stable while the layers grow;
- fields a layer adds beyond those named here go, whole, into the `extra` JSON column of
  its table: nothing a layer reports is lost, and no new field breaks the schema.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pyarrow as pa

from ..errors import NewsprobeError
from ..model import Analysis, Article

TABLES = ("articles", "quotes", "claims", "techniques", "integrity", "errors")

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _span_fields(name: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{name}_start", _I), (f"{name}_end", _I), (f"{name}_text", _S)]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("origin", _S), ("article_id", _S), ("title", _S), ("url", _S), ("outlet", _S),
        ("published", _S), ("fetched", _S), ("language", _S), ("text", _S),
        ("n_entities", _I), ("n_quotes", _I), ("n_claims", _I), ("n_techniques", _I),
        ("n_integrity", _I), ("entities", _S), ("model", _S), ("newsprobe", _S),
        ("layers", _S), ("timings_ms", _S),
    ]),
    "quotes": pa.schema([
        ("origin", _S), ("article_id", _S), ("quote_id", _S), ("type", _S),
        *_span_fields("cue"), *_span_fields("content"), ("content", _S),
        *_span_fields("source"),
        ("speaker_name", _S), ("speaker_entity", _S), ("speaker_kind", _S),
        ("speaker_state_aligned", _B), ("chain", _S), ("confidence", _F), ("parent", _S),
        ("extra", _S),
    ]),
    "claims": pa.schema([
        ("origin", _S), ("article_id", _S), ("claim_id", _S), ("start", _I), ("end", _I),
        ("text", _S), ("status", _S), ("checkworthiness", _F), ("quote_id", _S),
        ("hedges", _S), ("factchecks", _S), ("extra", _S),
    ]),
    "techniques": pa.schema([
        ("origin", _S), ("article_id", _S), ("start", _I), ("end", _I), ("text", _S),
        ("technique", _S), ("score", _F), ("extra", _S),
    ]),
    "integrity": pa.schema([
        ("origin", _S), ("article_id", _S), ("kind", _S), ("message", _S),
        *_span_fields("first"), ("spans", _S), ("extra", _S),
    ]),
    "errors": pa.schema([
        ("origin", _S), ("file", _S), ("offset", _I), ("line", _I), ("code", _S),
        ("reason", _S), ("message", _S),
    ]),
}

# Columns of the contract's per-finding dicts that have their own column; anything else a
# layer adds lands in `extra`.
_CLAIM_KEYS = {"id", "start", "end", "text", "status", "checkworthiness", "quote", "hedges",
               "factchecks"}
_TECHNIQUE_KEYS = {"start", "end", "text", "technique", "score"}
_INTEGRITY_KEYS = {"kind", "message", "spans"}
_QUOTE_KEYS = {"id", "type", "cue", "content", "source", "speaker", "chain", "confidence",
               "parent"}


def dumps(value: Any) -> str:
    """Canonical JSON: the same value always gives the same string."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def empty_rows() -> dict[str, list[dict[str, Any]]]:
    return {name: [] for name in TABLES}


def analysis_rows(analysis: Analysis, article: Article | None = None) -> dict[str, list[dict]]:
    """The rows one analysed article contributes to each table (errors excepted). `article`
    supplies what the contract does not hold (origin, WARC fetch date)."""
    d = analysis.to_dict()
    origin = (article.origin if article is not None else None) or d["meta"].get("origin")
    key = {"origin": origin, "article_id": d["id"]}
    meta = d["meta"]
    rows = empty_rows()
    rows["articles"].append({
        **key, "title": d["title"], "url": d["url"], "outlet": d["outlet"],
        "published": d["published"], "fetched": getattr(article, "fetched", None),
        "language": d["language"], "text": d["text"],
        "n_entities": len(d["entities"]), "n_quotes": len(d["quotes"]),
        "n_claims": len(d["claims"]), "n_techniques": len(d["techniques"]),
        "n_integrity": len(d["integrity"]), "entities": dumps(d["entities"]),
        "model": meta.get("model"), "newsprobe": meta.get("newsprobe"),
        "layers": dumps(meta.get("layers", {})), "timings_ms": dumps(meta.get("timings_ms", {})),
    })
    rows["quotes"] = [_quote_row(key, q) for q in d["quotes"]]
    rows["claims"] = [_claim_row(key, c) for c in d["claims"]]
    rows["techniques"] = [_technique_row(key, t) for t in d["techniques"]]
    rows["integrity"] = [_integrity_row(key, f) for f in d["integrity"]]
    return rows


def error_row(err: NewsprobeError) -> dict[str, Any]:
    file, offset, line = split_origin(err.origin)
    return {"origin": err.origin, "file": file, "offset": offset, "line": line,
            "code": err.code, "reason": err.to_dict()["reason"], "message": err.message}


_AT_OFFSET = re.compile(r"^(.*)@(\d+)$")
_AT_LINE = re.compile(r"^(.*):(\d+)$")


def split_origin(origin: str | None) -> tuple[str | None, int | None, int | None]:
    """'a.warc.gz@1234' -> ('a.warc.gz', 1234, None); 'a.jsonl:7' -> ('a.jsonl', None, 7)."""
    if not origin:
        return None, None, None
    if m := _AT_OFFSET.match(origin):
        return m.group(1), int(m.group(2)), None
    if m := _AT_LINE.match(origin):
        return m.group(1), None, int(m.group(2))
    return origin, None, None


def _span(name: str, span: dict | None) -> dict[str, Any]:
    span = span or {}
    return {f"{name}_start": span.get("start"), f"{name}_end": span.get("end"),
            f"{name}_text": span.get("text")}


def _bounds(name: str, spans: list[dict], text_joiner: str = " … ") -> dict[str, Any]:
    """Outer bounds of a list of spans, their texts joined (a discontinuous content reads
    as its pieces with an ellipsis between them)."""
    if not spans:
        return _span(name, None)
    return {f"{name}_start": min(s["start"] for s in spans),
            f"{name}_end": max(s["end"] for s in spans),
            f"{name}_text": text_joiner.join(s["text"] for s in spans)}


def _extra(d: dict, known: set[str]) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return dumps(rest) if rest else None


def _quote_row(key: dict, q: dict) -> dict[str, Any]:
    speaker = q.get("speaker") or {}
    return {
        **key, "quote_id": q.get("id"), "type": q.get("type"),
        **_span("cue", q.get("cue")), **_bounds("content", q.get("content") or []),
        "content": dumps(q.get("content") or []), **_span("source", q.get("source")),
        "speaker_name": speaker.get("name"), "speaker_entity": speaker.get("entity"),
        "speaker_kind": speaker.get("kind"),
        "speaker_state_aligned": bool(speaker.get("state_aligned", False)),
        "chain": dumps(q.get("chain") or []), "confidence": _float(q.get("confidence")),
        "parent": q.get("parent"), "extra": _extra(q, _QUOTE_KEYS),
    }


def _claim_row(key: dict, c: dict) -> dict[str, Any]:
    return {
        **key, "claim_id": c.get("id"), "start": c.get("start"), "end": c.get("end"),
        "text": c.get("text"), "status": c.get("status"),
        "checkworthiness": _float(c.get("checkworthiness")), "quote_id": c.get("quote"),
        "hedges": dumps(c.get("hedges") or []), "factchecks": dumps(c.get("factchecks") or []),
        "extra": _extra(c, _CLAIM_KEYS),
    }


def _technique_row(key: dict, t: dict) -> dict[str, Any]:
    return {
        **key, "start": t.get("start"), "end": t.get("end"), "text": t.get("text"),
        "technique": t.get("technique"), "score": _float(t.get("score")),
        "extra": _extra(t, _TECHNIQUE_KEYS),
    }


def _integrity_row(key: dict, f: dict) -> dict[str, Any]:
    spans = f.get("spans") or []
    return {
        **key, "kind": f.get("kind"), "message": f.get("message"),
        **_span("first", spans[0] if spans else None), "spans": dumps(spans),
        "extra": _extra(f, _INTEGRITY_KEYS),
    }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def spark_schema(table: str):
    """The Spark StructType of a table, derived from its Arrow schema so the two cannot
    drift apart."""
    from pyspark.sql import types as T

    spark_types = {pa.string(): T.StringType(), pa.int64(): T.LongType(),
                   pa.float64(): T.DoubleType(), pa.bool_(): T.BooleanType()}
    return T.StructType([T.StructField(f.name, spark_types[f.type], nullable=True)
                         for f in SCHEMAS[table]])
