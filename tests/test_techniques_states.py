"""The MiniLM pass the techniques layer shares with the claims layer: sentence vectors
identical to `encode`, token states aligned to spaCy tokens, and the memo that lets the
second layer skip sentences the first already encoded."""

import numpy as np
import pytest

from newsprobe import analyze, embeddings
from newsprobe.layers import techniques
from newsprobe.settings import Settings

SENTENCES = ["The council approved the new budget on Tuesday.",
             "Only a fool would trust these shameless liars!",
             "Rain."]


def test_the_shared_pass_gives_encodes_vectors_bit_for_bit():
    vectors = np.stack([ts.vector for ts in embeddings.encode_tokens(SENTENCES)])
    assert np.array_equal(vectors, embeddings.encode(SENTENCES))
    assert np.array_equal(embeddings.encode_with_layer_means(SENTENCES, (3,))[0], embeddings.encode(SENTENCES))
    assert embeddings.encode_with_layer_means([], (3,))[0].shape == (0, embeddings.DIMENSIONS)


def test_a_second_reader_of_the_same_sentences_gets_them_from_the_memo():
    first = embeddings.encode_tokens(SENTENCES)
    again = embeddings.encode_tokens(SENTENCES[::-1], reuse=True)
    assert all(a is b for a, b in zip(first, again[::-1]))


def test_a_sentence_repeated_in_one_call_is_encoded_once():
    repeated = [SENTENCES[0], SENTENCES[1], SENTENCES[0], SENTENCES[0]]
    out = embeddings.encode_tokens(repeated)
    assert out[0] is out[2] is out[3] and out[0] is not out[1]
    vectors, means = embeddings.encode_with_layer_means(repeated, (3,))
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(means[0], means[3])
    assert np.array_equal(vectors[:2], embeddings.encode(SENTENCES[:2]))


def test_word_pieces_carry_their_character_offsets():
    ts = embeddings.encode_tokens(["Shameless liars!"])[0]
    text = "Shameless liars!"
    pieces = [text[s:e] for s, e in ts.offsets]
    assert "".join(pieces).replace("##", "") == "Shamelessliars!"
    assert ts.states.shape == (len(ts.offsets), embeddings.DIMENSIONS)


def test_every_spacy_token_gets_the_state_of_its_word_pieces(nlp):
    doc = nlp("Officials said the plan works. Only a fool would trust these shameless liars!")
    tok, vecs, sent_of = techniques.doc_states(doc)
    assert tok.shape == (len(doc), embeddings.DIMENSIONS)
    assert vecs.shape == (len(list(doc.sents)), embeddings.DIMENSIONS)
    assert all(np.abs(tok[t.i]).sum() > 0 for t in doc if not t.is_space)
    second = list(doc.sents)[1]
    assert (sent_of[second.start:second.end] == 1).all()
    # The sentence vector is what `encode` gives for the sentence's text.
    assert np.allclose(vecs[1], embeddings.encode([second.text])[0], atol=1e-5)


def test_the_span_tagger_gives_a_probability_per_token(nlp):
    doc = nlp("These corrupt traitors have betrayed every decent citizen. The vote is on Monday.")
    model = techniques.load_model()
    from newsprobe.layers.technique_features import ArticleStats
    probs = techniques.token_probabilities(doc, ArticleStats.of(doc), model)
    assert probs.shape == (len(doc),) and ((0 <= probs) & (probs <= 1)).all()
    # The insult is likelier to be inside a technique than anything in the plain sentence.
    traitors = next(t.i for t in doc if t.text == "traitors")
    plain = list(doc.sents)[1]
    assert probs[traitors] > probs[plain.start:plain.end].max()


def _depths_with_heads() -> list[int]:
    from importlib import resources
    root = resources.files("newsprobe")
    return [d for d in range(1, embeddings.FULL_DEPTH + 1)
            if root.joinpath(embeddings.head_folder(d), "techniques.npz").is_file()]


@pytest.mark.parametrize("depth", _depths_with_heads())
def test_every_reader_of_the_pass_reads_the_depth_the_setting_names(depth, monkeypatch):
    # claims (check-worthiness, firmness) and techniques all read the shared pass at
    # `encoder.layers`: no other pass runs during the analysis. (The rebuttal-by-meaning
    # linker deepens the few sentences it scores after a shallow pass, `MiniLM.deepen`:
    # tests/test_claims_rebuttal_meaning.py.)
    depths = []
    real_run = embeddings._run

    def recording_run(texts, batch_size, keep_hidden_states=False, depth=None, **rest):
        depths.append(depth)
        return real_run(texts, batch_size, keep_hidden_states, depth, **rest)

    monkeypatch.setattr(embeddings, "_run", recording_run)
    # Every sentence names the depth: the memo must not already hold it from another test.
    text = (f"The harbour board of Lindvik (depth {depth}) said on Monday that it sold twelve cranes. "
            f"These shameless liars have betrayed every decent citizen of town {depth}! "
            f"The board did not sell any cranes to town {depth}, a port official said later.")
    analysis = analyze(text, Settings(encoder_layers=depth, claim_min_checkworthiness=0.0))
    assert analysis.claims and depths and set(depths) == {depth}
    sentences = [c["text"] for c in analysis.claims]
    other = 4 if depth == 6 else 6
    assert all(ts is None for ts in embeddings.memo_states(sentences, other))
    assert any(ts is not None for ts in embeddings.memo_states(sentences, depth))
