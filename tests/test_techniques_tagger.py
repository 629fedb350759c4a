"""The techniques layer's span tagger in numpy: the same probabilities as the torch modules
the training script builds, loaded with the committed weights (skipped where torch is not
installed), and an analysis that never imports torch."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import child_env
from newsprobe.embeddings import DIMENSIONS
from newsprobe.layers import techniques
from newsprobe.layers.technique_features import ArticleStats
from newsprobe.layers.technique_tagger import NumpyTaggers, span_tagger

ARTICLE = ("Unemployment rose to 7.4 percent in March, the statistics office said on Friday. These "
           "corrupt traitors have betrayed every decent citizen, and the shameless liars in the capital "
           "know it. The vote is on Monday.\n\nRain.")


def torch_probabilities(states: list[dict], hidden: int, x: np.ndarray) -> np.ndarray:
    """The taggers' mean probability as torch computes it (the layer's former inference)."""
    torch = pytest.importorskip("torch")
    modules = []
    for state in states:
        module = span_tagger(DIMENSIONS + 1, hidden)
        module.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
        modules.append(module.eval())
    with torch.no_grad():
        return np.mean([torch.sigmoid(m(torch.from_numpy(x))).numpy() for m in modules], axis=0)


def test_numpy_taggers_equal_torch_on_an_articles_padded_batch(nlp):
    doc = nlp(ARTICLE)
    model = techniques.load_model()
    tok_states = techniques.doc_states(doc)[0]
    sents = techniques.tagger_inputs(doc, tok_states, techniques.hashed_logits(doc, ArticleStats.of(doc), model))
    x = np.zeros((len(sents), max(len(s) for s in sents), DIMENSIONS + 1), dtype=np.float32)
    for row, s in zip(x, sents):
        row[:len(s)] = s
    assert len({len(s) for s in sents}) > 1   # some sentences padded: the backward LSTM reads zeros first
    expected = torch_probabilities(model.lstm, model.lstm_hidden, x)
    ours = NumpyTaggers(model.lstm).probabilities(x)
    assert ours.shape == expected.shape == x.shape[:2]
    assert np.abs(ours - expected).max() < 1e-5


def test_numpy_taggers_equal_torch_on_random_inputs():
    model = techniques.load_model()
    rng = np.random.default_rng(7)
    x = rng.standard_normal((5, 23, DIMENSIONS + 1)).astype(np.float32) * 0.3
    x[:, :, DIMENSIONS] *= 10      # the hashed tagger's logit / 4 spans a wider range
    x[2, 15:] = 0                  # a shorter sentence, padded
    expected = torch_probabilities(model.lstm, model.lstm_hidden, x)
    assert np.abs(NumpyTaggers(model.lstm).probabilities(x) - expected).max() < 1e-5


def _padded(rng, lengths, steps):
    x = np.zeros((len(lengths), steps, DIMENSIONS + 1), dtype=np.float32)
    for row, n in zip(x, lengths):
        row[:n] = rng.standard_normal((n, DIMENSIONS + 1)) * 0.3
        row[:n, DIMENSIONS] *= 10
    return x


@pytest.mark.parametrize("lengths", [[12, 3, 30, 1, 7, 30, 19, 2, 11, 25, 5],    # ties, a one-token sentence
                                     [9, 9, 9, 9, 9, 9, 9, 9],                  # no padding at all
                                     [4, 17, 6, 2, 8, 3, 5, 1, 9, 14, 2, 6, 3]])  # the longest alone at the end
def test_taggers_over_real_tokens_equal_the_padded_batch(lengths):
    # With lengths, the LSTMs step through each sentence's own tokens (a backward one from
    # the padding trajectory's state): the real tokens' probabilities must be those of the
    # padded batch (the same bits on the BLAS measured; 1e-6 leaves room for another).
    taggers = NumpyTaggers(techniques.load_model().lstm)
    x = _padded(np.random.default_rng(len(lengths)), lengths, max(lengths) + 2)   # padded past the longest too
    padded = taggers.probabilities(x)
    by_lengths = taggers.probabilities(x, lengths)
    real = np.arange(x.shape[1])[None, :] < np.array(lengths)[:, None]
    assert np.abs(by_lengths[real] - padded[real]).max() <= 1e-6
    assert not by_lengths[~real].any()


def test_taggers_over_real_tokens_equal_torch():
    model = techniques.load_model()
    lengths = [5, 21, 13, 1, 8, 21, 3, 16, 10]
    x = _padded(np.random.default_rng(3), lengths, 21)
    expected = torch_probabilities(model.lstm, model.lstm_hidden, x)
    ours = NumpyTaggers(model.lstm).probabilities(x, lengths)
    real = np.arange(21)[None, :] < np.array(lengths)[:, None]
    assert np.abs(ours[real] - expected[real]).max() < 1e-5


def test_an_analysis_imports_no_torch_nor_scikit_learn():
    code = ("import json, sys\nimport newsprobe\n"
            f"a = newsprobe.analyze({ARTICLE!r})\n"
            "print(json.dumps([len(a.claims), len(a.techniques), [m for m in ('torch', 'sklearn', "
            "'sentence_transformers', 'transformers') if m in sys.modules]]))")
    done = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    claims, found_techniques, heavy = json.loads(done.stdout.splitlines()[-1])
    assert claims > 0 and found_techniques > 0   # the layers that run MiniLM and the taggers ran
    assert heavy == []
