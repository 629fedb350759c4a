"""The evaluation gate: each evaluation on a fixed small subset of ../shared/data, failing
below a pinned floor (after trafilatura's tests/eval_gate.py). Slow (about two minutes in
all); skipped cleanly without the data.

Each floor sits a little under the figure measured on the same subset (2026-12-06, the
figure is in the comment beside it), so a change that costs a few points of quality fails
here while the evaluations' own tests only check shapes. A floor is raised when the figure
rises for good, and never lowered silently: lowering one needs a commit that says why.
The subsets are the first articles/sentences of the dev split (train where the evaluation
tunes on train), the same every run; the evaluations are deterministic on one machine.
The extraction floor lives in test_eval_extraction.py. The rewrites evaluation has no
floor yet. The real-news sets (newsroom, quotes-ggt, story-dev, ECB+) guard today's
figures, which are below those issues' targets: their floors stop a regression, they do not
say the targets are met.
"""

from __future__ import annotations

from conftest import data_path, needs_data
from newsprobe.eval import (checkworthiness, claim_retrieval, factuality, factuality_news, msrp, polnear, ptc,
                            stance, stories)
from newsprobe.eval import ecbplus, newsroom, quotes_ggt, story_dev
from newsprobe.eval import integrity as integrity_eval

DATA = data_path()


@needs_data("polnear", "jsonl", "dev.jsonl")
def test_gate_attribution_polnear_dev_first_10_articles():
    r = polnear.evaluate(DATA / "polnear", "dev", limit=10)
    assert r["articles"] == 10 and r["scope"] == "speech"
    assert r["attribution"]["f1"] >= 0.55             # measured 0.587
    assert r["source"]["exact"]["f1"] >= 0.68         # measured 0.715
    assert r["content"]["overlap"]["f1"] >= 0.78      # measured 0.815


@needs_data("checkworthiness")
def test_gate_checkworthiness_checkthat_dev_first_300_sentences():
    r = checkworthiness.evaluate(DATA / "checkworthiness", limit=300)
    assert r["n"] == 300
    assert r["f1"] >= 0.86                            # measured 0.894 (threshold from train CV)
    assert r["ap"] >= 0.95                            # measured 0.970
    assert r["f1"] > r["baseline"]["tfidf_lr"]["f1"]  # TF-IDF + LR: 0.810


@needs_data("factuality")
def test_gate_factuality_uds_dev_first_300_events():
    r = factuality.evaluate(DATA / "factuality", limit=300)
    assert r["n"] == 300 and r["predictor"] == "head"
    assert r["accuracy"] >= 0.85                      # measured 0.887
    assert r["held_half"]["macro_f1"] >= 0.81         # measured 0.846
    assert r["accuracy"] > r["baseline"]["rules"]["accuracy"]   # rules: 0.793


@needs_data("ptc")
def test_gate_techniques_ptc_span_identification_dev_first_6_articles():
    r = ptc.evaluate(DATA / "ptc", "dev", limit=6, task="si")
    assert r["articles"] == 6
    assert r["si"]["f1"] >= 0.45                      # at the display floor 0.1: measured 0.475
    assert r["si_without_floor"]["f1"] >= 0.45        # every span the tagger finds: 0.488
    assert r["si"]["f1"] > r["baseline"]["every_line"]["f1"]   # every line: 0.224


@needs_data("ptc")
def test_gate_techniques_ptc_classification_dev_first_6_articles():
    # The classifier's logit adjustment was chosen on PTC dev (the result says so and the
    # full report gives the cross-fitted figure): this floor guards against regressions,
    # it is not a held-out score.
    r = ptc.evaluate(DATA / "ptc", "dev", limit=6, task="tc")
    assert r["articles"] == 6
    # Each encoder depth has its own classifier. Measured 2026-12-07: 0.490 (25 of 51) at 6
    # layers, 0.431 (22 of 51) at 4, the default; on all of dev 0.625 against 0.623 (664
    # and 662 of 1,063): these six articles hold 3 of the 4-layer classifier's misses.
    assert r["tc"]["micro_f1"] >= {6: 0.47, 4: 0.41}[r["encoder_layers"]]
    assert r["tc"]["micro_f1"] > r["baseline"]["majority_class"]["micro_f1"]   # majority: 0.294


@needs_data("claim-retrieval")
def test_gate_claim_retrieval_checkthat_dev_first_40_queries():
    r = claim_retrieval.evaluate(DATA / "claim-retrieval", limit=40)
    assert r["queries"] == 40
    assert r["map_at_5"] >= 0.89                      # measured 0.921
    assert r["map_at_5"] >= r["baseline"]["bm25"]["map_at_5"]   # BM25: 0.868


@needs_data("stories", "wikiref220")
def test_gate_stories_wikiref_first_40_articles():
    # Threshold and entity weight are chosen on the train half of these 40 inside the run.
    r = stories.evaluate(DATA / "stories", "all", limit=40)
    assert r["articles"] == 40
    assert r["bcubed_f"] >= 0.91                      # measured 0.940
    assert r["ari"] >= 0.90                           # measured 0.940
    assert r["by_split"]["dev"]["bcubed_f"] >= 0.86   # measured 0.892 (not tuned on)


@needs_data("extraction", "ground-truth.json")
def test_gate_integrity_injected_defects_dev_first_10_pages():
    r = integrity_eval.evaluate(DATA / "extraction", "dev", limit=10)
    assert r["articles"] + r["skipped_not_english"] == 10
    assert r["recall"] >= 0.85                        # measured 0.897
    assert r["false_alarms_per_article"] <= 0.1       # measured 0.0


@needs_data("msrp", "msr_paraphrase_train.txt")
def test_gate_paraphrase_msrp_train_first_400_pairs():
    # MSRP has only its train part here; nothing of the product is fitted on it.
    r = msrp.evaluate(DATA / "msrp", "train", limit=400)
    assert r["n"] == 400
    assert r["accuracy"] >= 0.56                      # measured 0.593
    assert r["f1"] >= 0.61                            # measured 0.640
    assert r["alignment_only"]["accuracy"] >= 0.73    # measured 0.765 (majority class 0.705 on the odd rows)


@needs_data("stance", "emergent", "url-versions-2015-06-14-clean-train.csv")
def test_gate_stance_emergent_train_first_300_headlines():
    # Emergent has only its train part here; nothing is fitted on it.
    r = stance.evaluate(DATA / "stance", "train", limit=300)
    assert r["n"] == 300
    assert r["accuracy"] >= 0.49                      # measured 0.517
    assert r["macro_f1"] >= 0.34                      # measured 0.363 (cue words 0.667)


@needs_data("factuality-news", "uw", "dev.conll")
def test_gate_factuality_news_dev_first_80_sentences_per_corpus():
    # The -3..+3 map is fitted on the first 80 train sentences of each corpus in the run.
    r = factuality_news.evaluate(DATA / "factuality-news", "dev", limit=80)
    m, u = r["meantime"], r["uw"]
    assert m["events"] == 180 and u["events"] == 254
    assert m["pearson_r"] >= 0.24                     # measured 0.277
    assert u["pearson_r"] >= 0.50                     # measured 0.534
    assert u["mae"] <= 0.69                           # measured 0.655
    assert u["pearson_r"] > u["baseline"]["rules"]["pearson_r"]   # rules alone: 0.467


@needs_data("newsroom", "newsroom.jsonl")
def test_gate_claims_newsroom_dev_first_10_articles():
    r = newsroom.evaluate(DATA / "newsroom", "dev", limit=10)
    assert r["articles"] == 10
    assert r["attribution"]["f1"] >= 0.57                   # measured 0.606
    assert r["claims"]["status_accuracy"] >= 0.52           # measured 0.566
    assert r["kind"]["accuracy"] >= 0.62                    # measured 0.661
    assert r["chains"]["accuracy"] >= 0.30                  # measured 0.385 (13 chains)
    assert r["chains"]["bogus_links"] == 0
    assert r["entities"]["mistakes_per_article"] <= 1.4     # measured 1.0
    assert r["attribution"]["f1"] > r["baseline"]["attribution"]["f1"]   # last entity: 0.266


@needs_data("quotes-ggt", "quotes.jsonl")
def test_gate_speakers_quotes_ggt_first_20_articles():
    r = quotes_ggt.evaluate(DATA / "quotes-ggt", limit=20)
    assert r["articles"] == 20
    assert r["ours"]["speaker_accuracy"] >= 0.81            # measured 0.850
    assert r["ours"]["quotes"]["f1"] >= 0.74                # measured 0.784
    assert r["ours"]["speaker_accuracy"] > r["baseline"]["speaker_accuracy"]   # nearest name: 0.617


@needs_data("story-dev", "splits.json")
def test_gate_stories_copies_changes_story_dev_dev():
    # The whole dev part (50 pages, ~45 s): a corpus is scored as a whole.
    r = story_dev.evaluate(DATA / "story-dev", "dev")
    assert r["docs"] == 50
    assert r["stories"]["bcubed_f"] >= 0.85                 # measured 0.890
    assert r["stories"]["bcubed_f"] > r["baseline"]["tfidf_single_link"]["bcubed_f"]   # 0.559
    assert r["copies"]["precision"] >= 0.95                 # measured 1.000
    assert r["copies"]["recall"] >= 0.70                    # measured 0.727
    # The likely original: no worse than the earliest-dated member (with the manifest's
    # dates, which the tool does not see): both 0.714, 5 of 7 families.
    assert r["origin"]["accuracy"] >= r["origin"]["baseline"]["earliest_dated"]
    assert r["meaning_changes"]["share_found"] >= 0.40      # measured 0.474 (18 of 38)
    assert r["changes"]["share_on_non_copies"] <= 0.05      # measured 0.0 (0 of 67)


@needs_data("ecbplus", "documents.jsonl")
def test_gate_event_stories_ecbplus_dev_first_100_documents():
    # Event-level stories (event words of the ledes) against ECB+'s events, above the TF-IDF
    # baseline on this subset (0.827). Scored against topics the same grouping is lower by
    # design: a topic holds two events, which are two stories now.
    r = ecbplus.evaluate(DATA / "ecbplus", "dev", limit=100)
    assert r["documents"] == 101
    assert r["bcubed_f"] >= 0.84                            # measured 0.875
    assert r["bcubed_f"] >= r["baseline"]["tfidf_single_link"]["bcubed_f"]
    assert r["topic_level"]["bcubed_f"] >= 0.70             # measured 0.736 (0.910 before events)
