"""The technique classifier's span features that look beyond the span: how a span relates
to the article's other spans (recurrence, the mark of Repetition) and its own shape."""

import numpy as np

from newsprobe.layers.technique_features import (SI_BUCKETS, ArticleStats, article_span_features, hash_features,
                                                 span_features, span_set_features, token_feature_matrix,
                                                 token_features)


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return at, at + len(words)


def test_a_span_whose_words_recur_in_a_later_span_is_first_then_later(nlp):
    text = ("Take back our town, the councillor said on Tuesday. The budget was approved. "
            "Take back our town! Residents cheered. Take back this town, she repeated.")
    doc = nlp(text)
    spans = [_span(text, "Take back our town"), _span(text, "Take back our town", 1),
             _span(text, "Take back this town"), _span(text, "The budget was approved")]
    first, later, fuzzy, other = span_set_features(ArticleStats.of(doc), spans)
    assert "ss_first" in first[0] and "ss=2" in first[0]
    assert "ss_later" in later[0] and "prevtxt=2" in later[0]
    assert later[1][3] == 1.0 and first[1][3] == 0.0      # "an earlier span has my words"
    assert "sf_later" in fuzzy[0]                           # same words but one: a fuzzy recurrence
    assert "ss=1" in other[0] and "sf=1" in other[0] and "ss_first" not in other[0]


def test_span_shape_features_mark_quotes_exclamations_questions_and_the_head_word(nlp):
    text = 'He called it "a total disgrace" and left. Who would ever trust them? Never again!'
    doc = nlp(text)
    stats = ArticleStats.of(doc)
    quoted, _ = span_features(doc, *_span(text, "a total disgrace"), stats)
    question, _ = span_features(doc, *_span(text, "Who would ever trust them?"), stats)
    shout, _ = span_features(doc, *_span(text, "Never again"), stats)
    assert "quoted" in quoted and "hl=disgrace" in quoted and "clen=1" in quoted
    assert "end?" in question and "hl=trust" in question
    assert "end!" in shout


def test_article_span_features_gives_one_row_per_span_and_handles_none(nlp):
    text = "Shame on them. Shame on them."
    doc = nlp(text)
    rows, dense = article_span_features(doc, [(0, 13), (15, 28)], ArticleStats.of(doc))
    assert len(rows) == 2 and dense.shape == (2, 9)
    rows, dense = article_span_features(doc, [], ArticleStats.of(doc))
    assert rows == [] and dense.shape == (0, 9)


def test_token_feature_matrix_is_the_hashed_token_features(nlp):
    # The layer hashes each sentence's features once (token_feature_matrix); the tagger was
    # trained on hash_features(token_features(...)): the same matrix, entry for entry.
    text = ("“Shameless liars!” the Mayor said on Tuesday, and the mayor said it again. "
            "Rain. Officials in Brussels, who asked not to be named, denied the report! Why? "
            "Take back our town. Take back our town.")
    doc = nlp(text)
    stats = ArticleStats.of(doc)
    rows = token_features(doc, stats)
    assert any("inquote" in r for r in rows) and any("midtitle" in r for r in rows)
    expected = hash_features(rows, SI_BUCKETS)
    got = token_feature_matrix(doc, stats, SI_BUCKETS)
    assert got.shape == expected.shape == (len(doc), SI_BUCKETS) and got.dtype == expected.dtype
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)
