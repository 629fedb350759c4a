"""The SQLite store: every SQL statement newsprobe runs lives in this module.

One file holds the analyses (the `newsprobe.article/1` JSON plus tables of its findings
for querying), cached article embeddings, full-text search over article text, quotes and
claims, and the results of corpus runs. WAL journal mode lets readers (the web app, a
second CLI) work while one process writes; `busy_timeout` makes a writer wait for another
writer instead of failing at once. Schema: docs/store.md; migrations: migrations.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprobeError
from ..model import Analysis
from .migrations import migrate

log = logging.getLogger(__name__)

# How long a statement waits for another process's write lock before failing (ms). A
# corpus run commits one article at a time, so waits are short; 30 s covers a slow disk.
BUSY_TIMEOUT_MS = 30_000
SEARCH_KINDS = ("articles", "quotes", "claims")


def content_hash(text: str) -> str:
    """The key analyses are reused by: the same text gives the same hash, whatever its id."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def readonly_uri(path: str) -> str:
    """The SQLite URI that opens `path` read-only. The path is percent-encoded: in a URI,
    `#` starts a fragment, `?` the parameters and `%` an escape, so a folder called
    `news#1` or `100%` would otherwise name another file (or none)."""
    return "file:" + urllib.parse.quote(os.path.abspath(path), safe="/") + "?mode=ro"


# Characters of a text's lead shown when browsing without a query.
LEAD_CHARS = 240


def lead(text: str | None, limit: int = LEAD_CHARS) -> str | None:
    """The first `limit` characters of a text, cut at the last word boundary before them
    with an ellipsis when the text goes on ("…the council appro" read as a typo)."""
    if text is None or len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


class Store:
    """A newsprobe database. Open with `Store.open(path)` (":memory:" for a throwaway one);
    use as a context manager or call `close()`."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn, self.path = conn, path

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> "Store":
        path = str(path)
        try:
            if readonly:
                conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None,
                                       timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                       check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster
                applied = migrate(conn)
                if applied:
                    log.info("store %s: applied migrations %s", path, ", ".join(applied))
        except sqlite3.DatabaseError as exc:
            raise NewsprobeError("E020", f"cannot open the store: {exc}", path) from exc
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _transaction(self):
        return _Transaction(self.conn)

    # --- analyses --------------------------------------------------------------------

    def put_analysis(self, analysis: Analysis) -> None:
        """Store (or replace) one analysis and its findings, in one transaction."""
        with self._transaction():
            self._put(analysis)

    def put_analyses(self, analyses: Iterable[Analysis]) -> int:
        n = 0
        with self._transaction():
            for analysis in analyses:
                self._put(analysis)
                n += 1
        return n

    def _put(self, a: Analysis) -> None:
        c = self.conn
        c.execute("DELETE FROM articles WHERE id = ?", (a.id,))  # cascades to findings
        c.execute(
            "INSERT INTO articles (id, content_hash, title, url, outlet, published, language, "
            "text, analysis, layer_versions, newsprobe_version, stored_at, settings_hash, models_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, content_hash(a.text), a.title, a.url, a.outlet, a.published, a.language,
             a.text, json.dumps(a.to_dict(), ensure_ascii=False),
             json.dumps(a.meta.get("layers", {}), sort_keys=True), a.meta.get("newsprobe"),
             time.time(), a.meta.get("settings_hash"), a.meta.get("models_hash")))
        c.executemany(
            "INSERT INTO entities (article_id, entity_id, name, label, mentions) VALUES (?, ?, ?, ?, ?)",
            [(a.id, e.id, e.name, e.label, len(e.mentions)) for e in a.entities])
        c.executemany(
            "INSERT INTO quotes (article_id, quote_id, type, content, start, \"end\", cue, "
            "speaker_name, speaker_kind, speaker_entity, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, q.id, q.type, " … ".join(s.text for s in q.content),
              q.content[0].start if q.content else None, q.content[-1].end if q.content else None,
              q.cue.text if q.cue else None, q.speaker.name, q.speaker.kind, q.speaker.entity,
              q.confidence) for q in a.quotes])
        c.executemany(
            "INSERT INTO claims (article_id, claim_id, text, status, start, \"end\", "
            "checkworthiness, quote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, cl.get("id", f"c{i + 1}"), cl.get("text", ""), cl.get("status"),
              cl.get("start"), cl.get("end"), cl.get("checkworthiness"), cl.get("quote"))
             for i, cl in enumerate(a.claims)])
        c.executemany(
            "INSERT INTO techniques (article_id, technique, start, \"end\", text, score) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, t.get("technique"), t.get("start"), t.get("end"), t.get("text", ""),
              t.get("score")) for t in a.techniques])
        c.executemany(
            "INSERT INTO integrity (article_id, kind, message, spans) VALUES (?, ?, ?, ?)",
            [(a.id, f.get("kind"), f.get("message"), json.dumps(f.get("spans", []), ensure_ascii=False))
             for f in a.integrity])

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.conn.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    def get_analyses(self, article_ids: Iterable[str]) -> Iterator[Analysis]:
        for article_id in article_ids:
            analysis = self.get_analysis(article_id)
            if analysis is not None:
                yield analysis

    def has_hash(self, digest: str, layer_versions: dict[str, str] | None = None,
                 provenance: dict[str, str] | None = None) -> bool:
        """Whether an analysis of the text with this content hash is stored; with
        `layer_versions`, only one made by exactly those layer versions counts; with
        `provenance` ({"settings_hash", "models_hash"}, see provenance.py), only one made
        with those settings and models."""
        return self.find_by_hash(digest, layer_versions, provenance) is not None

    def find_by_hash(self, digest: str, layer_versions: dict[str, str] | None = None,
                     provenance: dict[str, str] | None = None) -> str | None:
        """The id of a stored analysis of this text (see has_hash), else None."""
        sql, params = "SELECT id FROM articles WHERE content_hash = ?", [digest]
        if layer_versions is not None:
            sql += " AND layer_versions = ?"
            params.append(json.dumps(layer_versions, sort_keys=True))
        if provenance is not None:
            sql += " AND settings_hash = ? AND models_hash = ?"
            params += [provenance["settings_hash"], provenance["models_hash"]]
        row = self.conn.execute(sql + " LIMIT 1", params).fetchone()
        return row[0] if row else None

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def delete_article(self, article_id: str) -> None:
        with self._transaction():
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # --- search ----------------------------------------------------------------------

    def search(self, query: str, kind: str = "articles", limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search (SQLite FTS5 query syntax: words, "phrases", OR, prefix*) over
        article titles and text, quote contents and speakers, or claims. Results are best
        first, each with the article id and a snippet with the hits in [brackets]."""
        if kind not in SEARCH_KINDS:
            raise ValueError(f"kind must be one of {SEARCH_KINDS}, got {kind!r}")
        sql = {
            "articles": "SELECT a.id AS article_id, a.title, a.outlet, a.published, "
                        "snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
                        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            "quotes": "SELECT q.article_id, q.quote_id, q.content, q.speaker_name, q.start, q.\"end\", "
                      "snippet(quotes_fts, 0, '[', ']', '…', 12) AS snippet "
                      "FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid "
                      "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            "claims": "SELECT c.article_id, c.claim_id, c.text, c.status, c.start, c.\"end\", "
                      "snippet(claims_fts, 0, '[', ']', '…', 12) AS snippet "
                      "FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
                      "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
        }[kind]
        try:
            return [dict(r) for r in self.conn.execute(sql, (query, limit))]
        except sqlite3.OperationalError as exc:  # FTS5 syntax error in the user's query
            raise NewsprobeError("E021", f"bad search query {query!r}: {exc}") from exc

    # --- embeddings cache -----------------------------------------------------------

    def get_vectors(self, digests: list[str], model: str) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(digests), 500):  # stay under SQLite's variable limit
            chunk = digests[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                    f"SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN ({marks})",
                    (model, *chunk)):
                found[row[0]] = np.frombuffer(row[1], dtype=np.float32)
        return found

    def put_vectors(self, vectors: dict[str, np.ndarray], model: str) -> None:
        with self._transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO embeddings (content_hash, model, vector) VALUES (?, ?, ?)",
                [(h, model, np.asarray(v, dtype=np.float32).tobytes()) for h, v in vectors.items()])

    # --- corpus results --------------------------------------------------------------

    def put_corpus(self, result: dict[str, Any]) -> int:
        """Store one corpus result (`newsprobe.corpus/1`); returns its run id."""
        with self._transaction():
            c = self.conn
            run_id = c.execute("INSERT INTO corpus_runs (created_at, schema, result) VALUES (?, ?, ?)",
                               (time.time(), result["schema"],
                                json.dumps(result, ensure_ascii=False))).lastrowid
            for s in result["stories"]:
                c.execute("INSERT INTO stories (run_id, story_id, label, size, first_published, "
                          "last_published) VALUES (?, ?, ?, ?, ?, ?)",
                          (run_id, s["id"], s.get("label"), len(s["articles"]),
                           s.get("first_published"), s.get("last_published")))
                c.executemany("INSERT INTO story_members (run_id, story_id, article_id) VALUES (?, ?, ?)",
                              [(run_id, s["id"], a) for a in s["articles"]])
            for k in result["copies"]:
                c.execute("INSERT INTO copies (run_id, copy_id, source_id, target_id, kind, direction, "
                          "score, pairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (run_id, k["id"], k["source"], k["target"], k["kind"], k["direction"],
                           k["score"], json.dumps(k["pairs"], ensure_ascii=False)))
                c.executemany(
                    "INSERT INTO changes (run_id, copy_id, change_id, kind, source_start, source_end, "
                    "source_text, target_start, target_end, target_text, message) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(run_id, k["id"], ch["id"], ch["kind"], ch["source"]["start"], ch["source"]["end"],
                      ch["source"]["text"], ch["target"]["start"], ch["target"]["end"],
                      ch["target"]["text"], ch["message"]) for ch in k["changes"]])
            for link in result["claim_links"]:
                earliest = link.get("earliest") or {}
                c.execute("INSERT INTO claim_links (run_id, link_id, text, earliest_article, "
                          "earliest_published, outlets, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (run_id, link["id"], link["text"], earliest.get("article"),
                           earliest.get("published"), json.dumps(link["outlets"], ensure_ascii=False),
                           json.dumps(link["mentions"], ensure_ascii=False)))
        return run_id

    def latest_corpus(self) -> dict[str, Any] | None:
        """The latest corpus result with articles (see latest_run_id), as the run returned it
        (an older `newsprobe.corpus/1` run read as /2: `corpus.contract.upgrade_corpus`)."""
        from ..corpus.contract import upgrade_corpus

        run_id = self.latest_run_id()
        if run_id is None:
            return None
        row = self.conn.execute("SELECT result FROM corpus_runs WHERE id = ?", (run_id,)).fetchone()
        return upgrade_corpus(json.loads(row[0])) if row else None

    def families_of_story(self, story_id: str, run_id: int | None = None) -> list[dict[str, Any]]:
        """The copy families (origin and route) of one story in a corpus run (default: the
        latest), read from the run's JSON by SQLite; none for a `newsprobe.corpus/1` run."""
        run_id = run_id or self.latest_run_id()
        rows = self.conn.execute(
            "SELECT f.value FROM corpus_runs r, json_each(r.result, '$.families') f "
            "WHERE r.id = ? AND json_extract(f.value, '$.story') = ? ORDER BY f.key", (run_id, story_id))
        return [json.loads(r[0]) for r in rows]

    def latest_run_id(self) -> int | None:
        """The latest corpus run that holds articles. Every article of a run is in one of
        its stories, so a run with no story members analysed nothing (run_corpus no longer
        stores such runs; older versions did): it never hides the last good run. A run is
        stored in one transaction, so of two concurrent writers the one that commits last
        is the latest, and it is always a complete run. max() reads the story_members
        primary key, so this costs one index lookup."""
        row = self.conn.execute("SELECT max(run_id) FROM story_members").fetchone()
        return row[0]

    def stories_of(self, article_id: str, run_id: int | None = None) -> list[str]:
        run_id = run_id or self.latest_run_id()
        return [r[0] for r in self.conn.execute(
            "SELECT story_id FROM story_members WHERE run_id = ? AND article_id = ?", (run_id, article_id))]

    def copies_of(self, article_id: str, run_id: int | None = None) -> list[dict[str, Any]]:
        """Copy edges touching an article in a corpus run (default: the latest)."""
        run_id = run_id or self.latest_run_id()
        rows = self.conn.execute(
            "SELECT copy_id, source_id, target_id, kind, direction, score FROM copies "
            "WHERE run_id = ? AND (source_id = ? OR target_id = ?) ORDER BY copy_id",
            (run_id, article_id, article_id))
        return [dict(r) for r in rows]

    def changes_of(self, copy_id: str, run_id: int | None = None) -> list[dict[str, Any]]:
        run_id = run_id or self.latest_run_id()
        rows = self.conn.execute(
            "SELECT change_id, kind, source_start, source_end, source_text, target_start, "
            "target_end, target_text, message FROM changes WHERE run_id = ? AND copy_id = ? "
            "ORDER BY change_id", (run_id, copy_id))
        return [dict(r) for r in rows]

    # --- web app reads (#6): listings, filtered search, speakers, stories --------------

    def article_rows(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> {id, title, url, outlet, published} of stored articles, without loading
        their analyses (a story page lists articles by title only)."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):  # stay under SQLite's variable limit
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                    f"SELECT id, title, url, outlet, published FROM articles WHERE id IN ({marks})", chunk):
                found[row["id"]] = dict(row)
        return found

    def search_corpus(self, query: str | None, kind: str = "articles", *, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, speaker: str | None = None,
                      status: str | None = None, technique: str | None = None,
                      control: str | None = None, limit: int = 20, offset: int = 0,
                      marks: tuple[str, str] = ("\ue000", "\ue001")) -> list[dict[str, Any]]:
        """Search (FTS5 syntax, as in `search`) or, with no query, browse articles, quotes or
        claims, newest first, narrowed by filters. `since`/`until` compare the first ten
        characters of `published` (ISO dates). A filter on something a kind does not have
        itself applies through its article (a technique filter keeps quotes from articles
        that use the technique) or through its claim/quote link (status of a quote's claim,
        speaker of a claim's quote). Snippets mark hits with `marks` (U+E000 … U+E001 unless
        told otherwise: the web app passes markers no text can hold)."""
        if kind not in SEARCH_KINDS:
            raise ValueError(f"kind must be one of {SEARCH_KINDS}, got {kind!r}")
        q = (query or "").strip()
        where: list[str] = []
        params: list[Any] = []
        if kind == "articles":
            select = "a.id AS article_id, a.title, a.outlet, a.published"
            source, fts, column, text = "articles a", "articles_fts", 1, "a.text"
            join = ""
            own = "a"
        elif kind == "quotes":
            select = ("q.article_id, q.quote_id, q.type, q.content, q.speaker_name, q.speaker_kind, "
                      "q.start, q.\"end\", a.title, a.outlet, a.published")
            source, fts, column, text = "quotes q", "quotes_fts", 0, "q.content"
            join = " JOIN articles a ON a.id = q.article_id"
            own = "q"
        else:
            select = ("c.article_id, c.claim_id, c.text, c.status, c.checkworthiness, c.start, c.\"end\", "
                      "a.title, a.outlet, a.published")
            source, fts, column, text = "claims c", "claims_fts", 0, "c.text"
            join = " JOIN articles a ON a.id = c.article_id"
            own = "c"
        if q:
            select += f", snippet({fts}, {column}, ?, ?, '…', 16) AS snippet"
            params.extend(marks)  # the select's parameters come before the WHERE's
            source = f"{fts} JOIN {source} ON {own}.rowid = {fts}.rowid"
            where.append(f"{fts} MATCH ?")
            params.append(q)
            order = "rank"
        else:
            select += f", substr({text}, 1, {LEAD_CHARS + 1}) AS snippet"
            order = "a.published IS NULL, a.published DESC, a.rowid DESC" + \
                    ("" if kind == "articles" else f", {own}.start")
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if control:
            # Outlets (domains or names) that newsprobe knows to be under that control
            # (outlets/known_outlets.toml); none in the store means no result, not all.
            owned = self.outlets_under(control)
            where.append(f"a.outlet IN ({','.join('?' * len(owned)) or 'NULL'})")
            params.extend(owned)
        if since:
            where.append("substr(a.published, 1, 10) >= ?")
            params.append(since)
        if until:
            where.append("substr(a.published, 1, 10) <= ?")
            params.append(until)
        if speaker:
            if kind == "quotes":
                where.append("q.speaker_name = ?")
            elif kind == "claims":
                where.append("EXISTS (SELECT 1 FROM quotes q2 WHERE q2.article_id = c.article_id "
                             "AND q2.quote_id = c.quote_id AND q2.speaker_name = ?)")
            else:
                where.append("EXISTS (SELECT 1 FROM quotes q2 WHERE q2.article_id = a.id AND q2.speaker_name = ?)")
            params.append(speaker)
        if status:
            if kind == "claims":
                where.append("c.status = ?")
            elif kind == "quotes":
                where.append("EXISTS (SELECT 1 FROM claims c2 WHERE c2.article_id = q.article_id "
                             "AND c2.quote_id = q.quote_id AND c2.status = ?)")
            else:
                where.append("EXISTS (SELECT 1 FROM claims c2 WHERE c2.article_id = a.id AND c2.status = ?)")
            params.append(status)
        if technique:
            where.append("EXISTS (SELECT 1 FROM techniques t WHERE t.article_id = a.id AND t.technique = ?)")
            params.append(technique)
        sql = f"SELECT {select} FROM {source}{join}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        try:
            rows = [dict(r) for r in self.conn.execute(sql, (*params, limit, offset))]
            if not q:  # browsing: the snippet is the text's lead, cut at a word
                for row in rows:
                    row["snippet"] = lead(row["snippet"])
            return rows
        except sqlite3.OperationalError as exc:  # FTS5 syntax error in the user's query
            raise NewsprobeError("E021", f"bad search query {query!r}: {exc}") from exc

    def outlets_under(self, control: str) -> list[str]:
        """The stored articles' outlets that a known outlet with this control owns."""
        from ..outlets import known_outlet

        names = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
        return [name for name in names
                if (known := known_outlet(name)) is not None and known.control == control]

    def outlet_counts(self, limit: int = 100) -> list[dict[str, Any]]:
        """Outlets with how many stored articles each has, most first."""
        return [dict(r) for r in self.conn.execute(
            "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY articles DESC, outlet LIMIT ?", (limit,))]

    def speaker_counts(self, limit: int = 100) -> list[dict[str, Any]]:
        """Speakers (by resolved name) with their number of quotes and of articles, most
        quoted first; the kind is the one most of their quotes carry."""
        return [dict(r) for r in self.conn.execute(
            "SELECT speaker_name AS name, count(*) AS quotes, count(DISTINCT article_id) AS articles, "
            "(SELECT q2.speaker_kind FROM quotes q2 WHERE q2.speaker_name = q.speaker_name "
            " GROUP BY q2.speaker_kind ORDER BY count(*) DESC LIMIT 1) AS kind "
            "FROM quotes q WHERE speaker_name IS NOT NULL AND speaker_name != '' "
            "GROUP BY speaker_name ORDER BY quotes DESC, name LIMIT ?", (limit,))]

    def finding_values(self) -> dict[str, list[str]]:
        """The claim statuses and technique names present in the store (filter choices)."""
        return {"statuses": [r[0] for r in self.conn.execute(
                    "SELECT DISTINCT status FROM claims WHERE status IS NOT NULL ORDER BY status")],
                "techniques": [r[0] for r in self.conn.execute(
                    "SELECT DISTINCT technique FROM techniques ORDER BY technique")]}

    def corpus_version(self) -> tuple[Any, ...]:
        """Changes whenever articles are stored, replaced or deleted or a corpus run is
        added: a cheap key for caching listings."""
        row = self.conn.execute("SELECT max(rowid), count(*), (SELECT max(id) FROM corpus_runs) "
                                "FROM articles").fetchone()
        return tuple(row)

    def speaker_quotes(self, name: str, limit: int = 2000) -> list[dict[str, Any]]:
        """Every stored quote by the speaker with this resolved name, oldest article first,
        with its article's title, outlet and date."""
        return [dict(r) for r in self.conn.execute(
            "SELECT q.article_id, q.quote_id, q.type, q.content, q.start, q.\"end\", q.cue, "
            "q.speaker_kind, q.speaker_entity, q.confidence, a.title, a.outlet, a.published "
            "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_name = ? "
            "ORDER BY a.published IS NULL, a.published, a.rowid, q.start LIMIT ?", (name, limit))]

    def list_stories(self, run_id: int | None = None, min_size: int = 2,
                     limit: int = 100) -> list[dict[str, Any]]:
        """Stories of a corpus run (default: the latest) with at least `min_size` articles,
        biggest first."""
        run_id = run_id or self.latest_run_id()
        return [dict(r) for r in self.conn.execute(
            "SELECT story_id, label, size, first_published, last_published FROM stories "
            "WHERE run_id = ? AND size >= ? ORDER BY size DESC, last_published DESC, story_id LIMIT ?",
            (run_id, min_size, limit))]

    def story(self, story_id: str, run_id: int | None = None) -> dict[str, Any] | None:
        """One story of a corpus run (default: the latest) with its member article ids."""
        run_id = run_id or self.latest_run_id()
        row = self.conn.execute(
            "SELECT story_id, label, size, first_published, last_published FROM stories "
            "WHERE run_id = ? AND story_id = ?", (run_id, story_id)).fetchone()
        if row is None:
            return None
        story = dict(row)
        story["articles"] = [r[0] for r in self.conn.execute(
            "SELECT article_id FROM story_members WHERE run_id = ? AND story_id = ?", (run_id, story_id))]
        story["run_id"] = run_id
        return story

    def copies_among(self, article_ids: Iterable[str], run_id: int | None = None) -> list[dict[str, Any]]:
        """Copy edges of a corpus run (default: the latest) whose source and target are
        both among `article_ids`, with their aligned sentence pairs and their changes."""
        run_id = run_id or self.latest_run_id()
        ids = list(dict.fromkeys(article_ids))[:500]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        copies = [dict(r) for r in self.conn.execute(
            f"SELECT copy_id, source_id, target_id, kind, direction, score, pairs FROM copies "
            f"WHERE run_id = ? AND source_id IN ({marks}) AND target_id IN ({marks}) ORDER BY copy_id",
            (run_id, *ids, *ids))]
        for copy in copies:
            copy["pairs"] = json.loads(copy["pairs"])
            copy["changes"] = self.changes_of(copy["copy_id"], run_id)
        return copies


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error): takes the write lock up front, so a
    writer waits its turn (busy_timeout) instead of failing half way."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, *_):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


__all__ = ["Store", "content_hash", "BUSY_TIMEOUT_MS", "SEARCH_KINDS"]
