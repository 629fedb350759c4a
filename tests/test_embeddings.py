"""The MiniLM runtime (embeddings + minilm, numpy): the same vectors, token states and layer
means as sentence-transformers (torch) gives for the same model folder, within float32
rounding, without importing either."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys

import numpy as np
import pytest

from conftest import child_env
from newsprobe import embeddings
from newsprobe.minilm import MiniLM, folder_problems, gelu

SENTENCES = [
    "The council paused the harbour plan on Tuesday.",
    "\u201cWe need a new study first,\u201d said Maria Lind, the planning chief of Malm\u00f6\u2019s caf\u00e9 quarter.",
    "Unemployment rose to 7.4 percent in March, up from 6.1 percent a year earlier.",
    "  Shameless liars!\t",
    "Short.",
    "The ministry denied it. " * 60,   # past the 256-piece limit: cut, as sentence-transformers cuts
]


@pytest.fixture(scope="module")
def reference():
    """sentence-transformers on the same folder (the test skips where it is not installed)."""
    st = pytest.importorskip("sentence_transformers")
    return st.SentenceTransformer(str(embeddings.model_dir()), device="cpu")


def test_sentence_vectors_equal_sentence_transformers(reference):
    expected = reference.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)
    ours = embeddings.encode(SENTENCES)
    assert ours.dtype == np.float32
    assert ours.shape == expected.shape == (len(SENTENCES), embeddings.DIMENSIONS)
    assert np.abs(ours - expected).max() < 2e-6
    # Batches of other sizes agree too (each text is computed over its own pieces).
    assert np.abs(embeddings.encode(SENTENCES, batch_size=2) - expected).max() < 2e-6


def test_token_states_and_layer_means_equal_sentence_transformers(reference):
    config = reference[0].auto_model.config
    config.output_hidden_states = True
    try:
        rows = reference.encode(SENTENCES, batch_size=64, show_progress_bar=False, output_value=None)
    finally:
        config.output_hidden_states = False
    ours = embeddings.load_encoder().run(SENTENCES, 64, keep_hidden_states=True)
    for theirs, mine in zip(rows, ours):
        # Ours holds the text's own pieces only; theirs is padded to its batch's longest.
        real = int(theirs["attention_mask"].sum())
        assert mine["token_embeddings"].shape == (real, embeddings.DIMENSIONS)
        assert np.abs(theirs["token_embeddings"].numpy()[:real] - mine["token_embeddings"]).max() < 2e-5
        # sentence-transformers hands each row its batch's hidden states whole; row k of the
        # batch is the one whose last layer is this row's token states.
        batch = theirs["all_layer_embeddings"]
        k = next(j for j in range(batch[-1].shape[0])
                 if np.array_equal(batch[-1][j].numpy(), theirs["token_embeddings"].numpy()))
        for layer in (0, 3, 6):
            assert np.abs(batch[layer][k].numpy()[:real] - mine["hidden_states"][layer]).max() < 2e-5


def test_pieces_and_offsets_equal_the_transformers_tokenizer(reference):
    expected = reference.tokenizer(SENTENCES, return_offsets_mapping=True, truncation=True,
                                   max_length=256, add_special_tokens=True)
    pieces = embeddings.load_encoder().pieces(SENTENCES)
    assert [p.ids for p in pieces] == expected["input_ids"]
    assert [[tuple(o) for o in p.offsets] for p in pieces] == [[tuple(o) for o in row]
                                                               for row in expected["offset_mapping"]]


def test_long_text_is_cut_at_the_piece_limit():
    rows = embeddings.load_encoder().run([SENTENCES[-1]])
    assert rows[0]["token_embeddings"].shape == (256, embeddings.DIMENSIONS)


def test_gelu_is_the_exact_erf_gelu_within_float32_rounding():
    x = np.linspace(-10, 10, 20001, dtype=np.float32)
    exact = np.array([0.5 * float(v) * math.erfc(-float(v) / math.sqrt(2)) for v in x])
    ours = gelu(x.copy()).astype(np.float64)
    assert np.abs(ours - exact).max() < 5e-7
    big = np.abs(exact) > 1e-3
    assert (np.abs(ours - exact)[big] / np.abs(exact[big])).max() < 1e-6


def test_gelu_sign_step_gives_the_bits_of_the_two_branch_form():
    # gelu picks Phi(x) as |Phi(-|x|) - [x > 0]|; the two-branch form (1 - Phi(-|x|) for
    # x > 0, else Phi(-|x|)) must give the same bits, so that no vector moves.
    from newsprobe.minilm import _ERFC_HALF
    rng = np.random.default_rng(7)
    x = np.concatenate([rng.standard_normal(50_000) * 3, [0.0, -0.0, 1e-30, -1e-30, 40.0, -40.0]]).astype(np.float32)
    a = np.abs(x)
    t = np.float32(1) / (a * np.float32(0.5 / math.sqrt(2)) + np.float32(1))
    phi = t * np.float32(_ERFC_HALF[0])
    for c in _ERFC_HALF[1:-1]:
        phi = (phi + np.float32(c)) * t
    phi = np.exp(phi + np.float32(_ERFC_HALF[-1]) - a * a * np.float32(0.5)) * t
    two_branch = x * np.where(x > 0, np.float32(1) - phi, phi)
    assert np.array_equal(gelu(x.copy()).view(np.int32), two_branch.view(np.int32))


def test_encoding_imports_neither_torch_nor_sentence_transformers():
    code = ("import json, sys\nfrom newsprobe.embeddings import encode\nv = encode(['A short sentence.'])\n"
            "print(json.dumps([v.shape[1], [m for m in ('torch', 'sentence_transformers', 'transformers', "
            "'sklearn') if m in sys.modules]]))")
    done = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [embeddings.DIMENSIONS, []]


def test_a_folder_asking_for_other_pooling_is_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(embeddings.model_dir(), folder, ignore=shutil.ignore_patterns("*.safetensors"))
    assert folder_problems(folder) == []
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text("utf-8"))
    config.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    pooling.write_text(json.dumps(config), "utf-8")
    assert any("pooling" in p for p in folder_problems(folder))
    with pytest.raises(ValueError, match="pooling"):
        MiniLM(folder)


def _token_vectors_by_mask(doc_tokens, sent_start, ts):
    """Each token's state as the mean of the pieces overlapping it, one mask per token: the
    definition `token_vectors` computes by runs."""
    out = np.zeros((len(doc_tokens), embeddings.DIMENSIONS), dtype=np.float32)
    starts, ends = ts.offsets[:, 0], ts.offsets[:, 1]
    for k, t in enumerate(doc_tokens):
        s = t.idx - sent_start
        hit = (starts < s + len(t.text)) & (ends > s)
        if hit.any():
            out[k] = ts.states[hit].mean(axis=0)
    return out


def test_token_vectors_are_the_mean_of_the_pieces_overlapping_each_token(nlp):
    # Words cut into several pieces, a token inside one piece, spaces, a sentence past the
    # piece limit (its last tokens have no piece: zeros).
    text = ("Unbelievably, the councillors' counter-proposal passed 7–2 at 11:45pm.  "
            "Antidisestablishmentarianism?! " + "Floodwater rose again " * 80)
    doc = nlp(text)
    sents = list(doc.sents)
    for sent, ts in zip(sents, embeddings.encode_tokens([s.text for s in sents])):
        got = embeddings.token_vectors(sent, sent.start_char, ts)
        assert np.array_equal(got, _token_vectors_by_mask(sent, sent.start_char, ts))
    whole = embeddings.encode_tokens([text])[0]    # the whole text as one: past the piece limit
    got = embeddings.token_vectors(doc, 0, whole)
    assert np.array_equal(got, _token_vectors_by_mask(doc, 0, whole))
    assert not got[-1].any() and got[0].any()
    assert embeddings.token_vectors([], 0, whole).shape == (0, embeddings.DIMENSIONS)


def test_a_shallower_pass_gives_the_states_after_its_last_layer():
    # The first k layers alone compute what the full pass has after layer k.
    encoder = embeddings.load_encoder()
    full = encoder.run(SENTENCES[:3], keep_hidden_states=True)
    shallow = encoder.run(SENTENCES[:3], keep_hidden_states=True, depth=4)
    for f, s in zip(full, shallow):
        assert len(s["hidden_states"]) == 5
        assert np.allclose(s["token_embeddings"], f["hidden_states"][4], atol=1e-6)
        mean = f["hidden_states"][4].mean(axis=0)
        assert np.allclose(s["sentence_embedding"], mean / np.linalg.norm(mean), atol=1e-6)
        assert not np.allclose(s["sentence_embedding"], f["sentence_embedding"], atol=1e-2)


def test_passes_of_two_depths_keep_apart_in_the_memo():
    text = "The depth test sentence names a harbour in Malm\u00f6."
    four = embeddings.encode_tokens([text], reuse=True, depth=4)[0]
    six = embeddings.encode_tokens([text], reuse=True)[0]
    assert (four.depth, six.depth) == (4, 6)
    assert embeddings.memo_states([text], 4)[0] is four
    assert embeddings.memo_states([text])[0] is six
    assert np.array_equal(six.vector, embeddings.encode([text])[0])
    with pytest.raises(ValueError, match="layer means"):
        embeddings.encode_tokens([text], layers=(5,), depth=4)


@pytest.mark.parametrize("depth", [0, 7, True, "4"])
def test_a_depth_the_model_does_not_have_is_a_coded_error(depth):
    with pytest.raises(embeddings.NewsprobeError) as err:
        embeddings.encode_tokens(["A sentence."], depth=depth)
    assert err.value.code == "E051" and "encoder.layers" in str(err.value)


def test_encode_tokens_tokenises_once_and_gives_encodes_vectors_bit_for_bit():
    # encode_tokens hands the pass the pieces it tokenised for the offsets (the texts as
    # given, white space around them included); encode tokenises the stripped texts.
    texts = [s for s in SENTENCES if s.strip()] + ["\n  Officials said the bridge reopened.  "]
    states = embeddings.encode_tokens(texts)
    vectors = embeddings.encode(texts)
    assert all(np.array_equal(ts.vector, v) for ts, v in zip(states, vectors))
    padded = states[-1]
    assert texts[-1][padded.offsets[0, 0]:padded.offsets[0, 1]] == "Officials"
    # on one thread, as every pass runs (embeddings._run): OpenBLAS on two threads gives
    # other last bits
    rows = embeddings._run(texts, 64)
    assert all(np.array_equal(ts.states, row["token_embeddings"][1:1 + len(ts.states)])
               for ts, row in zip(states, rows))


def test_a_shallow_pass_deepened_gives_the_full_pass():
    # `deep_states` runs only layers 5-6 over a 4-layer pass's kept states: the full
    # pass's states and vector (the same numbers; batches may differ in the last bits).
    texts = ["The deepening test names a ferry to Visby on Tuesday.",
             "A second, rather longer deepening sentence says the ferry was late by forty minutes."]
    full = embeddings.load_encoder().run(texts)
    shallow = embeddings.encode_tokens(texts, reuse=True, depth=4)
    assert all(ts.hidden is not None and ts.depth == 4 for ts in shallow)
    assert embeddings.memo_states(texts, 6) == [None, None]
    deep = embeddings.deep_states(texts + texts[:1])
    assert [ts.depth for ts in deep] == [6, 6, 6] and deep[2] is deep[0]
    for f, s, d in zip(full, shallow, deep):
        assert np.allclose(d.states, f["token_embeddings"][1:-1], atol=1e-5)
        assert np.allclose(d.vector, f["sentence_embedding"], atol=1e-6)
        assert np.array_equal(d.offsets, s.offsets) and d.hidden is None
    assert embeddings.memo_states(texts, 6) == deep[:2]
    # a text the memo does not hold is encoded by the full pass
    fresh = "A third deepening sentence nobody encoded before."
    got = embeddings.deep_states([fresh])[0]
    assert got.depth == 6 and np.allclose(got.vector, embeddings.encode([fresh])[0], atol=1e-6)


def test_deepening_runs_only_the_remaining_layers():
    encoder = embeddings.load_encoder()
    texts = SENTENCES[:2]
    two = encoder.run(texts, depth=2)
    full = encoder.run(texts, keep_hidden_states=True)
    five = encoder.deepen([r["token_embeddings"] for r in two], 2, 5)
    for f, d in zip(full, five):
        assert np.allclose(d["token_embeddings"], f["hidden_states"][5], atol=1e-5)
    with pytest.raises(ValueError):
        encoder.deepen([two[0]["token_embeddings"]], 5, 4)


def test_attention_reads_each_texts_own_pieces_whatever_shares_its_batch():
    # A text's attention is computed over its own pieces only: alone, beside a longer text
    # and beside one of its own length, it gives the same bits (no padding to a neighbour's
    # length enters its softmax sums). The numbers are those of one text's plain softmax
    # attention, within float32 rounding.
    encoder = embeddings.load_encoder()
    rng = np.random.default_rng(7)
    width = encoder.width
    mine = rng.standard_normal((13, 3 * width), dtype=np.float32)

    def attend(*others):
        qkv = np.concatenate([mine, *others])
        lengths = np.array([13] + [len(o) for o in others])
        ends = np.cumsum(lengths)
        bounds = list(zip((ends - lengths).tolist(), ends.tolist()))
        out = np.empty((len(qkv), width), dtype=np.float32)
        return encoder._attention(qkv, lengths, bounds, out)[:13]

    alone = attend()
    assert np.array_equal(attend(rng.standard_normal((40, 3 * width), dtype=np.float32)), alone)
    assert np.array_equal(attend(rng.standard_normal((13, 3 * width), dtype=np.float32),
                                 rng.standard_normal((29, 3 * width), dtype=np.float32)), alone)
    heads, size = encoder.heads, encoder.head_size
    q, k, v = (mine[:, i * width:(i + 1) * width].reshape(13, heads, size).transpose(1, 0, 2).astype(np.float64)
               for i in range(3))
    scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    expected = (weights @ v).transpose(1, 0, 2).reshape(13, width)
    assert np.allclose(alone, expected, atol=1e-5)
