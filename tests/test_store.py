"""The SQLite store: round trips, reuse by content hash, search, corpus results, migrations,
and a second process reading while one writes. Real SQLite files, hand-built analyses."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from newsprobe.model import Analysis, Entity, Quote, Span, Speaker
from newsprobe.store import Store, content_hash
from newsprobe.store.migrations import MIGRATIONS

TEXT = "The harbour board said on Monday that ferry fares would rise by 5 percent in spring."


def make_analysis(article_id: str = "a1", text: str = TEXT) -> Analysis:
    quote = Quote("q1", "indirect", Span.of(text, 17, 21), [Span.of(text, 37, 84)],
                  Span.of(text, 0, 16), Speaker("harbour board", "organization", "e1"))
    return Analysis(text=text, id=article_id, title="Fares rise", outlet="example.org",
                    published="2026-03-02",
                    entities=[Entity("e1", "harbour board", "ORG", [], [Span.of(text, 4, 16)])],
                    quotes=[quote],
                    claims=[{"id": "c1", "start": 37, "end": 84, "text": text[37:84], "status": "reported"}],
                    meta={"newsprobe": "test", "layers": {"entities": "1", "attribution": "1"}})


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "np.db") as s:
        yield s


def test_store_put_and_get_round_trips_the_contract(store):
    analysis = make_analysis()
    store.put_analysis(analysis)
    assert store.get_analysis("a1").to_dict() == analysis.to_dict()
    assert store.get_analysis("missing") is None
    assert store.count_articles() == 1


def test_store_put_replaces_an_article_and_its_findings(store):
    store.put_analysis(make_analysis())
    store.put_analysis(make_analysis())
    assert store.count_articles() == 1
    assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    assert len(store.search("fares", kind="quotes")) == 1


def test_store_has_hash_honours_layer_versions(store):
    store.put_analysis(make_analysis())
    digest = content_hash(TEXT)
    assert store.has_hash(digest)
    assert store.has_hash(digest, {"entities": "1", "attribution": "1"})
    assert not store.has_hash(digest, {"entities": "2", "attribution": "1"})
    assert not store.has_hash(content_hash(TEXT + " "))


def test_store_find_by_hash_honours_settings_and_models_hashes(store):
    analysis = make_analysis()
    analysis.meta.update(settings_hash="sha256:s1", models_hash="sha256:m1")
    store.put_analysis(analysis)
    digest, versions = content_hash(TEXT), {"entities": "1", "attribution": "1"}
    assert store.find_by_hash(digest, versions, {"settings_hash": "sha256:s1", "models_hash": "sha256:m1"}) == "a1"
    assert store.find_by_hash(digest, versions, {"settings_hash": "sha256:s2", "models_hash": "sha256:m1"}) is None
    assert store.find_by_hash(digest, versions, {"settings_hash": "sha256:s1", "models_hash": "sha256:m2"}) is None


def test_store_opened_before_provenance_stays_readable_and_is_not_reused(tmp_path):
    from newsprobe.store.migrations import apply_in_transaction
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
    before = [(name, apply) for name, apply in MIGRATIONS if name != "m005_analysis_provenance"]
    for name, apply in before:   # a store as the release before the provenance columns left it
        apply_in_transaction(conn, apply)
        conn.execute("INSERT INTO _migrations VALUES (?, 0)", (name,))
    old = make_analysis()
    conn.execute("INSERT INTO articles (id, content_hash, text, analysis, layer_versions, stored_at) "
                 "VALUES (?, ?, ?, ?, ?, 0)",
                 ("a1", content_hash(TEXT), TEXT, json.dumps(old.to_dict()), '{"attribution": "1", "entities": "1"}'))
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.get_analysis("a1").to_dict() == old.to_dict()
        assert store.has_hash(content_hash(TEXT), {"entities": "1", "attribution": "1"})
        assert not store.has_hash(content_hash(TEXT), {"entities": "1", "attribution": "1"},
                                  {"settings_hash": "sha256:s1", "models_hash": "sha256:m1"})


def test_store_search_articles_quotes_and_claims(store):
    store.put_analysis(make_analysis())
    assert store.search("ferry")[0]["article_id"] == "a1"
    assert store.search("fare")[0]["article_id"] == "a1"  # porter stemming
    assert store.search("spring", kind="quotes")[0]["speaker_name"] == "harbour board"
    assert store.search("percent", kind="claims")[0]["claim_id"] == "c1"
    assert store.search("volcano") == []


def test_store_search_reports_a_bad_query(store):
    from newsprobe.errors import NewsprobeError
    with pytest.raises(NewsprobeError) as err:
        store.search('"unclosed')
    assert err.value.code == "E021"


def test_store_deleting_an_article_removes_it_from_search(store):
    store.put_analysis(make_analysis())
    store.delete_article("a1")
    assert store.search("ferry") == [] and store.search("spring", kind="quotes") == []


def test_store_records_named_migrations_once(tmp_path):
    path = tmp_path / "m.db"
    Store.open(path).close()
    Store.open(path).close()
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_vectors_cache(store):
    import numpy as np
    v = np.arange(4, dtype=np.float32)
    store.put_vectors({"h1": v}, "m")
    got = store.get_vectors(["h1", "h2"], "m")
    assert list(got) == ["h1"] and got["h1"].tolist() == v.tolist()
    assert store.get_vectors(["h1"], "other") == {}


def test_store_corpus_result_round_trip(store):
    t = TEXT
    result = {
        "schema": "newsprobe.corpus/2", "articles": [], "meta": {"newsprobe": "test"}, "families": [],
        "stories": [{"id": "s1", "label": "Fares", "articles": ["a1", "a2"], "first_published": None,
                     "last_published": None, "entities": []}],
        "copies": [{"id": "k1", "source": "a1", "target": "a2", "kind": "rewritten", "direction": "unknown",
                    "evidence": [], "score": 0.9, "features": {}, "pairs": [],
                    "changes": [{"id": "k1.1", "kind": "changed_number",
                                 "source": {"start": 68, "end": 77, "text": t[68:77]},
                                 "target": {"start": 68, "end": 77, "text": t[68:77]}, "message": "5 became 7"}]}],
        "claim_links": [],
    }
    run_id = store.put_corpus(result)
    assert store.latest_corpus() == result
    assert store.stories_of("a2") == ["s1"]
    assert store.copies_of("a1")[0]["kind"] == "rewritten"
    assert store.changes_of("k1", run_id)[0]["kind"] == "changed_number"


READER = textwrap.dedent("""
    import sys, time
    from newsprobe.store import Store
    counts = []
    with Store.open(sys.argv[1], readonly=True) as store:
        deadline = time.time() + 20
        while time.time() < deadline:
            n = store.count_articles()
            counts.append(n)
            if store.search("ferry", limit=1000) and n >= int(sys.argv[2]):
                break
            time.sleep(0.01)
    print(",".join(map(str, counts)))
""")


def test_store_second_process_reads_while_one_writes(tmp_path):
    """A real reader process polls while this process writes in many transactions: the
    reader never fails (WAL) and sees the count grow to the end."""
    path = tmp_path / "shared.db"
    Store.open(path).close()
    total = 60
    reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(total)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with Store.open(path) as writer:
        for i in range(total):
            writer.put_analysis(make_analysis(f"a{i}"))
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    counts = [int(c) for c in out.strip().split(",")]
    assert counts == sorted(counts) and counts[-1] == total


def _corpus_result(article_ids: list[str]) -> dict:
    stories = [{"id": "s1", "label": "Fares", "articles": article_ids, "first_published": None,
                "last_published": None, "entities": []}] if article_ids else []
    return {"schema": "newsprobe.corpus/2", "articles": [{"id": a} for a in article_ids],
            "meta": {"newsprobe": "test"}, "stories": stories, "copies": [], "families": [], "claim_links": []}


def test_store_reads_a_corpus_1_run_as_corpus_2(store):
    old = {**_corpus_result(["a1"]), "schema": "newsprobe.corpus/1"}
    del old["families"]
    store.put_corpus(old)
    got = store.latest_corpus()
    assert got["schema"] == "newsprobe.corpus/2" and got["families"] == []
    assert got["meta"]["families"].startswith("not computed") and got["stories"] == old["stories"]
    assert store.families_of_story("s1") == []


def test_store_a_corpus_run_with_no_articles_does_not_become_the_latest(store):
    good = store.put_corpus(_corpus_result(["a1", "a2"]))
    store.put_corpus(_corpus_result([]))  # as an older newsprobe stored an empty run
    assert store.latest_run_id() == good
    assert store.latest_corpus() == _corpus_result(["a1", "a2"])
    assert store.stories_of("a1") == ["s1"]
    newer = store.put_corpus(_corpus_result(["a3"]))
    assert store.latest_run_id() == newer and store.stories_of("a3") == ["s1"]


@pytest.mark.parametrize("folder", ["news#1", "100%", "a%20b", "q?mode=rw"])
def test_store_opens_read_only_a_path_with_uri_characters(tmp_path, folder):
    path = tmp_path / folder / "np.db"
    with Store.open(path) as s:
        s.put_analysis(make_analysis())
    with Store.open(path, readonly=True) as s:
        assert s.count_articles() == 1 and s.get_analysis("a1").text == TEXT
    with pytest.raises(sqlite3.OperationalError):  # read-only really is read-only
        with Store.open(path, readonly=True) as s:
            s.conn.execute("DELETE FROM articles")


def test_browsing_snippets_end_at_a_word_with_an_ellipsis():
    from newsprobe.store.db import lead
    text = "The council approved the new harbour budget " * 10
    cut = lead(text)
    assert cut.endswith("…") and len(cut) <= 241
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # a whole word before it
    assert lead("short text") == "short text" and lead(None) is None
