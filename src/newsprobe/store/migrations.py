"""Versioned, named schema migrations, recorded in the `_migrations` table.

Like sqlite-utils' migrations: each migration is a function with a stable name, applied at
most once per database, in the order of `MIGRATIONS`. A database opened by a newer
newsprobe gains the new tables; one opened by an older newsprobe keeps working on the
tables it knows. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


def _m001_articles(db: sqlite3.Connection) -> None:
    db.executescript("""
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        title TEXT, url TEXT, outlet TEXT, published TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,              -- the newsprobe.article/1 JSON
        layer_versions TEXT NOT NULL,        -- JSON {layer: version} that produced it
        newsprobe_version TEXT,
        stored_at REAL NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX entities_name ON entities(name);

    CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL, type TEXT NOT NULL,
        content TEXT NOT NULL,               -- content fragments joined by ' … '
        start INTEGER, "end" INTEGER,        -- first content fragment
        cue TEXT, speaker_name TEXT, speaker_kind TEXT, speaker_entity TEXT,
        confidence REAL,
        UNIQUE (article_id, quote_id)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);

    CREATE TABLE claims (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id TEXT NOT NULL, text TEXT NOT NULL, status TEXT,
        start INTEGER, "end" INTEGER, checkworthiness REAL, quote_id TEXT,
        UNIQUE (article_id, claim_id)
    );

    CREATE TABLE techniques (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        technique TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, score REAL
    );
    CREATE INDEX techniques_article ON techniques(article_id);

    CREATE TABLE integrity (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, message TEXT, spans TEXT NOT NULL  -- JSON list of spans
    );
    CREATE INDEX integrity_article ON integrity(article_id);
    """)


def _m002_search(db: sqlite3.Connection) -> None:
    # External-content FTS5 tables kept in step by triggers, so any writer (this module,
    # a future importer) keeps search right. Porter stemming: "shipment" finds "shipments".
    db.executescript("""
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, speaker_name, content='quotes', content_rowid='rowid', tokenize='porter unicode61');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, content, speaker_name)
        VALUES (new.rowid, new.content, new.speaker_name);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name)
        VALUES ('delete', old.rowid, old.content, old.speaker_name);
    END;

    CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, content='claims', content_rowid='rowid', tokenize='porter unicode61');
    CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    """)


def _m003_embeddings(db: sqlite3.Connection) -> None:
    # Article vectors cached by content hash and model, so a re-run embeds only new texts.
    db.executescript("""
    CREATE TABLE embeddings (
        content_hash TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL,
        PRIMARY KEY (content_hash, model)
    );
    """)


def _m004_corpus(db: sqlite3.Connection) -> None:
    db.executescript("""
    CREATE TABLE corpus_runs (
        id INTEGER PRIMARY KEY,
        created_at REAL NOT NULL,
        schema TEXT NOT NULL,                -- newsprobe.corpus/1
        result TEXT NOT NULL                 -- the whole corpus JSON, as returned
    );
    CREATE TABLE stories (
        run_id INTEGER NOT NULL REFERENCES corpus_runs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL, label TEXT, size INTEGER NOT NULL,
        first_published TEXT, last_published TEXT,
        PRIMARY KEY (run_id, story_id)
    );
    CREATE TABLE story_members (
        run_id INTEGER NOT NULL REFERENCES corpus_runs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL, article_id TEXT NOT NULL,
        PRIMARY KEY (run_id, story_id, article_id)
    );
    CREATE INDEX story_members_article ON story_members(article_id);
    CREATE TABLE copies (
        run_id INTEGER NOT NULL REFERENCES corpus_runs(id) ON DELETE CASCADE,
        copy_id TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT NOT NULL,
        kind TEXT NOT NULL, direction TEXT NOT NULL, score REAL NOT NULL,
        pairs TEXT NOT NULL,                 -- JSON aligned sentence pairs
        PRIMARY KEY (run_id, copy_id)
    );
    CREATE INDEX copies_source ON copies(source_id);
    CREATE INDEX copies_target ON copies(target_id);
    CREATE TABLE changes (
        run_id INTEGER NOT NULL REFERENCES corpus_runs(id) ON DELETE CASCADE,
        copy_id TEXT NOT NULL, change_id TEXT NOT NULL, kind TEXT NOT NULL,
        source_start INTEGER, source_end INTEGER, source_text TEXT,
        target_start INTEGER, target_end INTEGER, target_text TEXT,
        message TEXT,
        PRIMARY KEY (run_id, copy_id, change_id)
    );
    CREATE TABLE claim_links (
        run_id INTEGER NOT NULL REFERENCES corpus_runs(id) ON DELETE CASCADE,
        link_id TEXT NOT NULL, text TEXT NOT NULL,
        earliest_article TEXT, earliest_published TEXT,
        outlets TEXT NOT NULL,               -- JSON list
        mentions TEXT NOT NULL,              -- JSON list of {article, start, end, text}
        PRIMARY KEY (run_id, link_id)
    );
    """)


def _m005_analysis_provenance(db: sqlite3.Connection) -> None:
    # The reuse key gains meta's settings and models hashes. Rows stored before have NULL
    # there: they stay readable, and match no key, so a corpus run analyses them again.
    db.executescript("""
    ALTER TABLE articles ADD COLUMN settings_hash TEXT;
    ALTER TABLE articles ADD COLUMN models_hash TEXT;
    """)


MIGRATIONS: list[Migration] = [
    ("m001_articles", _m001_articles),
    ("m002_search", _m002_search),
    ("m003_embeddings", _m003_embeddings),
    ("m004_corpus", _m004_corpus),
    ("m005_analysis_provenance", _m005_analysis_provenance),
]


def applied(db: sqlite3.Connection) -> list[str]:
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; returns
    the names applied now. BEGIN IMMEDIATE takes the write lock first, so two processes
    opening a new database at once cannot both apply the same migration."""
    done_now = []
    for name, apply in MIGRATIONS:
        db.execute("BEGIN IMMEDIATE")
        try:
            if name in applied(db):
                db.execute("ROLLBACK")
                continue
            apply_in_transaction(db, apply)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, time.time()))
            db.execute("COMMIT")
            done_now.append(name)
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return done_now


def apply_in_transaction(db: sqlite3.Connection, apply: Callable[[sqlite3.Connection], None]) -> None:
    # executescript() would COMMIT first; run the statements one by one instead so the
    # migration and its record land together or not at all.
    class _Inline:
        def __init__(self, conn):
            self.conn = conn

        def executescript(self, script: str) -> None:
            for statement in _split_statements(script):
                self.conn.execute(statement)

    apply(_Inline(db))  # type: ignore[arg-type]


def _split_statements(script: str) -> list[str]:
    """Split a script into statements with sqlite3.complete_statement (triggers hold ';')."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
