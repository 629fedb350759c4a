"""The check-worthiness model (layers/checkworthy.py): its features, its three heads and
their mean, the compact file format, and the committed model on sentences of our own."""

import io
from dataclasses import replace

import numpy as np
import pytest

from newsprobe.errors import NewsprobeError
from newsprobe.layers import checkworthy as cw

SENTENCES = [
    "The county spent 40 million dollars on new roads in 2022.",
    "Thank you so much, it is great to be here tonight.",
    "Unemployment fell to 3.9 percent, the lowest rate in a decade.",
    "I think we can all agree that our children deserve better.",
]


def test_lexical_features_flag_numbers_money_years_and_questions():
    f = dict(zip(cw.LEXICAL_NAMES, cw.lexical_features("Did taxes rise by 12% in 2019, costing $3 billion?")))
    assert f["has_number"] and f["percent"] and f["money"] and f["year"] and f["question"]
    g = dict(zip(cw.LEXICAL_NAMES, cw.lexical_features("Thank you, and good evening.")))
    assert g["courtesy"] and not g["has_number"] and not g["question"]


def test_idf_drops_buckets_seen_in_fewer_than_min_df_texts():
    counts = cw.ngram_counts(["red apples", "red pears", "green figs"])[0]
    idf = cw.idf_of(counts, min_df=2)
    red = cw.ngram_counts(["red"])[0].indices[0]
    figs = cw.ngram_counts(["figs"])[0].indices[0]
    assert idf[red] > 0 and idf[figs] == 0


def test_hashed_tfidf_equals_sklearn_tfidf_when_no_buckets_collide():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["the tax rose", "the tax fell again", "rain fell on the city"]
    counts = cw.ngram_counts(texts)
    ours = cw.ngram_features(counts, cw.idf_of(counts[0], min_df=1), cw.idf_of(counts[1], min_df=1))
    word = ours[:, : 1 << cw.NGRAM_BITS].toarray()
    ref = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b").fit_transform(texts)
    for mine, theirs in zip(word, ref.toarray()):
        assert np.allclose(np.sort(mine[mine > 0]), np.sort(theirs[theirs > 0]), atol=1e-5)
    assert np.allclose(np.linalg.norm(ours.toarray(), axis=1), np.sqrt(2))  # two unit blocks


def tiny_model(threshold=0.4):
    """A model with made-up weights, enough to test the plumbing without training."""
    rng = np.random.default_rng(0)
    size = 1 << cw.NGRAM_BITS
    n_linear = cw.INPUT_DIM + len(cw.LEXICAL_NAMES) + (1 << cw.HASH_BITS)
    idf = np.zeros(size, dtype=np.float32)
    idf[rng.integers(0, size, 50)] = 1.5
    return cw.CheckworthinessModel(
        cw.LinearHead(rng.normal(size=n_linear).astype(np.float32), -0.2),
        cw.NgramHead(idf, idf.copy(), rng.normal(size=2 * size).astype(np.float32) * (np.concatenate([idf, idf]) > 0), 0.1),
        cw.MlpHead(rng.normal(size=(cw.INPUT_DIM + len(cw.LEXICAL_NAMES), 8)).astype(np.float32) * 0.1,
                   np.zeros(8, np.float32), rng.normal(size=8).astype(np.float32), 0.0),
        threshold)


def vectors_for(texts):
    rng = np.random.default_rng(1)
    v = rng.normal(size=(len(texts), 384)).astype(np.float32)
    return cw.sentence_inputs(v / np.linalg.norm(v, axis=1, keepdims=True),
                              rng.normal(size=(len(texts), len(cw.LAYERS), 384)))


def test_sentence_input_is_the_vector_then_each_layer_mean_normalised():
    from newsprobe.embeddings import encode

    inputs = cw.embed(SENTENCES[:2])
    assert inputs.shape == (2, cw.INPUT_DIM)
    assert np.array_equal(inputs[:, :384], encode(SENTENCES[:2]))  # the same pass, bit for bit
    blocks = inputs[:, 384:].reshape(2, len(cw.LAYERS), 384)
    assert np.allclose(np.linalg.norm(blocks, axis=2), 1.0, atol=1e-5)


def test_embed_keeps_token_states_for_the_next_layer():
    from newsprobe.embeddings import encode_tokens

    text = "The harbour authority raised its fees by 8 percent in 2021."
    cw.embed([text])
    again = encode_tokens([text], reuse=True)[0]   # what the techniques layer asks for
    assert again.layers == cw.LAYERS and again.layer_means.shape == (len(cw.LAYERS), 384)
    assert len(again.states) == len(again.offsets) > 5


def test_scores_refuse_plain_sentence_vectors():
    with pytest.raises(ValueError, match="sentence inputs"):
        tiny_model().scores(SENTENCES, np.zeros((len(SENTENCES), 384), np.float32))


def test_score_is_the_mean_of_the_three_heads():
    model, v = tiny_model(), vectors_for(SENTENCES)
    heads = model.head_scores(SENTENCES, v)
    assert set(heads) == {"linear", "ngram", "mlp"}
    assert np.allclose(model.scores(SENTENCES, v), np.mean(list(heads.values()), axis=0), atol=1e-6)
    assert model.scores([], None).shape == (0,)


def test_save_and_read_round_trip_keeps_only_seen_buckets():
    model, v = tiny_model(), vectors_for(SENTENCES)
    buf = io.BytesIO()
    model.save(buf)
    buf.seek(0)
    again = cw.read_model(buf)
    assert again.threshold == pytest.approx(0.4)
    assert np.allclose(again.scores(SENTENCES, v), model.scores(SENTENCES, v), atol=1e-6)
    assert buf.getbuffer().nbytes < 2_000_000  # the dense n-gram arrays would be 6 MB


def test_an_old_format_file_is_refused_with_a_hint():
    buf = io.BytesIO()
    np.savez(buf, coef=np.zeros(3), intercept=0.0, threshold=0.5, hash_bits=14)
    buf.seek(0)
    with pytest.raises(ValueError, match="rebuild"):
        cw.read_model(buf)


def test_committed_model_ranks_factual_sentences_above_small_talk():
    model = cw.load_model()
    s = dict(zip(SENTENCES, model.scores(SENTENCES)))
    assert 0.0 < model.threshold < 1.0
    assert min(s[SENTENCES[0]], s[SENTENCES[2]]) > max(s[SENTENCES[1]], s[SENTENCES[3]])
    assert s[SENTENCES[0]] >= model.threshold > s[SENTENCES[1]]


def test_layer_means_belong_to_their_own_text_in_a_batch():
    # The mean of the last layer is what the sentence vector pools: normalised, the two
    # agree only if each text got its own row of the batch's hidden states.
    from newsprobe.embeddings import encode_with_layer_means

    vectors, means = encode_with_layer_means(SENTENCES, (6,))
    last = means[:, 0] / np.linalg.norm(means[:, 0], axis=1, keepdims=True)
    assert np.allclose(last, vectors, atol=1e-5)
    assert encode_with_layer_means([], (3, 4))[1].shape == (0, 2, 384)


def test_a_model_is_read_only_for_the_encoder_depth_it_was_trained_on():
    model = replace(tiny_model(), depth=4)
    buf = io.BytesIO()
    model.save(buf)
    buf.seek(0)
    assert cw.read_model(buf, 4).depth == 4
    buf.seek(0)
    with pytest.raises(ValueError, match="trained on 4 MiniLM layers, not 6"):
        cw.read_model(buf, 6)
    assert cw.layers_for(6) == cw.LAYERS and cw.layers_for(4) == (1, 2, 3)


def test_a_depth_without_a_committed_model_is_a_coded_error():
    with pytest.raises(NewsprobeError) as err:
        cw.load_model(5)
    assert err.value.code == "E013" and "--encoder-layers 5" in str(err.value)


def test_the_lexical_matrix_is_each_texts_lexical_features():
    first = ["Unemployment fell to 4% in 2019.", "Thank you all for coming tonight!"]
    second = ["Is the bridge open?", "We think prices rose by $3 billion."]
    direct = [np.vstack([cw.lexical_features(t) for t in texts]) for texts in (first, second)]
    for texts, expected in zip((first, second, list(first), second), direct + direct):
        assert np.array_equal(cw.lexical_matrix(texts), expected)
    assert cw.lexical_matrix([]).shape == (0, len(cw.LEXICAL_NAMES))
