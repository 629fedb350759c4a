"""The settings and models hashes in `meta`, and the corpus store's reuse key built from
them: changing a setting that changes findings means re-analysis, other settings do not."""

from __future__ import annotations

from dataclasses import replace

from newsprobe import analyze
from newsprobe.corpus.run import run_corpus
from newsprobe.parse import installed_pipeline_label, load_pipeline, pipeline_label
from newsprobe.provenance import models_hash, settings_hash
from newsprobe.schema import validate_article
from newsprobe.settings import Settings

TEXT = ("Ferry fares will rise by 5 percent in spring, the harbour board said on Monday. "
        "\u201cWe have no other choice,\u201d said Ana Ruiz, the board's chair.\n")


def test_settings_hash_follows_settings_that_change_findings():
    base = Settings()
    for name, value in [("attribution_scope", "broad"), ("claim_min_checkworthiness", 0.0),
                        ("techniques_min_score", 0.2), ("max_sentence_tokens", 100),
                        ("factcheck_index", "/some/index"),
                        # the MiniLM pass the heads read: another depth, other findings
                        ("encoder_layers", 4 if base.encoder_layers == 6 else 6)]:
        assert settings_hash(replace(base, **{name: value})) != settings_hash(base), name


def test_settings_hash_ignores_settings_of_other_stages_and_of_how_work_is_done():
    base = Settings()
    for name, value in [("web_variant_similarity", 80.0), ("corpus_story_threshold", 0.5),
                        ("batch_chunk_articles", 10), ("pipe_batch_size", 4), ("max_input_bytes", 100),
                        ("max_html_elements", 10), ("workers", 2), ("workers_min_articles", 1)]:
        assert settings_hash(replace(base, **{name: value})) == settings_hash(base), name


def test_models_hash_follows_the_pipeline_and_the_factcheck_index_files(tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    (index / "claims.jsonl").write_text("{}\n", encoding="utf-8")
    settings = Settings(factcheck_index=str(index))
    first = models_hash(settings, "en_core_web_sm-3.8.0")
    assert models_hash(settings, "en_core_web_sm-3.8.1") != first
    assert models_hash(Settings(), "en_core_web_sm-3.8.0") != first
    (index / "claims.jsonl").write_text("{}\n{}\n", encoding="utf-8")   # the index rebuilt
    assert models_hash(settings, "en_core_web_sm-3.8.0") != first


def test_installed_pipeline_label_matches_the_loaded_pipeline():
    assert installed_pipeline_label() == pipeline_label(load_pipeline())


def test_analysis_meta_records_both_hashes():
    settings = Settings()
    result = analyze(TEXT, settings, layers=["attribution"]).to_dict()
    validate_article(result)
    meta = result["meta"]
    assert meta["settings_hash"] == settings_hash(settings)
    assert meta["models_hash"] == models_hash(settings, meta["model"])


def test_changing_a_setting_changes_the_reuse_key(tmp_path):
    article = tmp_path / "fares.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "np.db"
    base = Settings()
    first = run_corpus([str(article)], db, base)
    assert (first.analysed, first.reused) == (1, 0)
    # A corpus-stage setting leaves the stored analysis valid.
    again = run_corpus([str(article)], db, replace(base, corpus_story_threshold=0.5))
    assert (again.analysed, again.reused) == (0, 1)
    # A setting that changes findings does not.
    broad = run_corpus([str(article)], db, replace(base, attribution_scope="broad"))
    assert (broad.analysed, broad.reused) == (1, 0)


def test_batch_rerun_with_other_settings_is_logged(tmp_path, caplog):
    from newsprobe.batch.runner import run_batch
    article = tmp_path / "fares.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(article)], out, Settings())
    with caplog.at_level("WARNING", logger="newsprobe.batch.runner"):
        run_batch([str(article)], out, Settings())
        assert "other settings" not in caplog.text
        run_batch([str(article)], out, replace(Settings(), attribution_scope="broad"))
    assert "other settings" in caplog.text and settings_hash(Settings()) in caplog.text
