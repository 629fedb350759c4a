"""Fact-check matching: reading collections, the index folder round trip, hybrid search.
Fact-checks here are our own inventions."""

import json

import pytest

from newsprobe.cli import main
from newsprobe.errors import NewsprobeError
from newsprobe.factcheck import FactCheckIndex, clean_query, read_any
from newsprobe.factcheck.bm25 import BM25, tokens

CHECKS = [
    {"claim": "The city of Belvik spent 40 million dollars on a bridge that was never built.",
     "rating": "false", "url": "https://checks.example/belvik-bridge", "date": "2024-03-02"},
    {"claim": "Drinking lemon water cures seasonal flu within two days.",
     "rating": "false", "url": "https://checks.example/lemon-flu", "date": "2023-11-20",
     "title": "No, lemon water does not cure the flu"},
    {"claim": "The Ardent river flooded 300 homes in the spring of 2022.",
     "rating": "true", "url": "https://checks.example/ardent-flood", "date": "2022-06-01"},
    {"claim": "Wind turbines in Oster county killed every bird in the valley.",
     "rating": "misleading", "url": "https://checks.example/oster-birds", "date": "2024-01-15"},
]


@pytest.fixture(scope="module")
def checks_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("checks") / "checks.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CHECKS) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def index_dir(checks_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("index") / "idx"
    assert main(["factcheck", "build", str(checks_file), "--out", str(out)]) == 0
    return out


def test_index_round_trip_keeps_records_and_finds_the_same_matches(index_dir, checks_file):
    built = FactCheckIndex.build(read_any(checks_file))
    loaded = FactCheckIndex.load(index_dir)
    assert [r.claim for r in loaded.records] == [c["claim"] for c in CHECKS]
    assert loaded.records[1].title == CHECKS[1]["title"]
    query = "Lemon water cures the flu in two days, a post claims."
    assert [m.record.url for m in built.search(query, k=2)] == [m.record.url for m in loaded.search(query, k=2)]
    assert loaded.search(query, k=1)[0].record.rating == "false"


def test_paraphrase_is_found_by_meaning(index_dir):
    index = FactCheckIndex.load(index_dir)
    best = index.search("Birds in the valley were all wiped out by the turbines of Oster.", k=1)[0]
    assert best.record.url.endswith("oster-birds")
    assert 0 < best.similarity <= 1 and 0 < best.score <= 1


def test_analyze_with_factchecks_fills_matches(index_dir):
    from newsprobe import analyze
    from newsprobe.settings import Settings

    settings = Settings.load(factcheck_index=str(index_dir), claim_min_checkworthiness=0.0)
    a = analyze("Officials admitted that Belvik spent 40 million dollars on a bridge that was never built.",
                settings)
    matches = [f for c in a.claims for f in c["factchecks"]]
    assert matches and matches[0]["rating"] == "false"
    assert matches[0]["url"] == "https://checks.example/belvik-bridge"


def test_not_an_index_is_a_coded_error(tmp_path):
    with pytest.raises(NewsprobeError) as err:
        FactCheckIndex.load(tmp_path)
    assert err.value.code == "E012"


def test_jsonl_line_without_claim_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"claim": "fine"}\n{"rating": "false"}\n', encoding="utf-8")
    with pytest.raises(NewsprobeError) as err:
        list(read_any(path))
    assert err.value.code == "E004" and err.value.origin.endswith(":2")


def test_ct2020_tsv_is_read_by_its_suffix(tmp_path):
    path = tmp_path / "verified_claims.docs.tsv"
    path.write_text("\tvclaim\ttitle\n7\tThe moon is made of cheese.\tIs the moon cheese?\n", encoding="utf-8")
    (record,) = read_any(path)
    assert (record.id, record.claim, record.title, record.rating) == ("7", "The moon is made of cheese.", "Is the moon cheese?", "")


def test_bm25_prefers_the_document_with_the_rare_word():
    bm = BM25.build(["the bridge was built", "the bridge collapsed in a flood", "a flood of letters"])
    scores = bm.scores("bridge flood")
    assert scores.argmax() == 1
    assert tokens("The Bridges' costs") == ["bridge", "cost"]


def test_tweet_noise_is_cleaned_from_queries():
    q = clean_query("Big news #Belvik bridge pic.twitter.com/abc https://t.co/x — Jo Doe (@jodoe) May 3, 2021")
    assert q == "Big news Belvik bridge"


def test_hashtags_and_handles_become_words_and_glued_links_go():
    assert clean_query("RT @newsdesk: Bridge closed #BelvikBridge2024pic.twitter.com/abc") == \
        "Bridge closed Belvik Bridge 2024"
    assert clean_query("Ask @MayorJoDoe about it https://t.co/x") == "Ask Mayor Jo Doe about it"


def test_titles_get_their_own_vectors_and_claims_stand_in_for_missing_titles(index_dir):
    index = FactCheckIndex.load(index_dir)
    assert (index_dir / "embeddings_title.npy").is_file()
    assert index.title_vectors.shape == index.vectors.shape
    # Only the lemon-water check has a title; the others reuse their claim's vector.
    assert (index.title_vectors[0] == index.vectors[0]).all()
    assert not (index.title_vectors[1] == index.vectors[1]).all()


def test_a_format_1_index_still_loads_with_one_vector_for_both(index_dir, tmp_path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(index_dir, old)
    (old / "embeddings_title.npy").unlink()
    meta = json.loads((old / "meta.json").read_text("utf-8"))
    (old / "meta.json").write_text(json.dumps({**meta, "format": "newsprobe.factcheck-index/1"}), "utf-8")
    index = FactCheckIndex.load(old)
    assert index.title_vectors is index.vectors
    assert index.search("Lemon water cures the flu.", k=1)[0].record.rating == "false"


def test_exact_duplicates_keep_collection_order(tmp_path):
    path = tmp_path / "dups.jsonl"
    path.write_text("\n".join(json.dumps({"claim": c, "id": i}) for i, c in [
        ("first", "Belvik's mayor banned bicycles on Sundays."),
        ("other", "The Ardent river flooded 300 homes."),
        ("second", "Belvik's mayor banned bicycles on Sundays.")]) + "\n", encoding="utf-8")
    index = FactCheckIndex.build(read_any(path))
    assert [m.record.id for m in index.search("mayor of Belvik bans bicycles on Sunday", k=2)] == ["first", "second"]
