"""The one thread setting: scopes nest, the outermost restores, and the encoder computes on
one thread without changing the program's settings for good."""

import os

import pytest

threadpoolctl = pytest.importorskip("threadpoolctl")

from newsprobe import threads  # noqa: E402


def _blas_threads() -> set[int]:
    return {i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"}


def test_one_thread_limits_blas_and_the_environment_then_restores_both():
    before_env = os.environ.get("OPENBLAS_NUM_THREADS")
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):   # a program on two cores
        with threads.one_thread():
            assert _blas_threads() == {1}
            assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert _blas_threads() == {2}
    assert os.environ.get("OPENBLAS_NUM_THREADS") == before_env


def test_nested_scopes_keep_one_thread_until_the_outermost_is_left():
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        with threads.one_thread():
            with threads.one_thread():
                assert _blas_threads() == {1}
            assert _blas_threads() == {1}      # the inner scope did not widen what the outer set
        assert _blas_threads() == {2}


def test_the_encoder_computes_on_one_thread_and_leaves_the_programs_setting(monkeypatch):
    from newsprobe import embeddings
    from newsprobe.minilm import MiniLM

    try:
        embeddings.model_dir()
    except Exception:
        pytest.skip("the MiniLM model package is not installed")
    seen = []
    forward = MiniLM.forward

    def watched(self, *args, **kwargs):
        seen.append(_blas_threads())
        return forward(self, *args, **kwargs)

    monkeypatch.setattr(MiniLM, "forward", watched)
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        embeddings.load_encoder()                 # loading sets nothing for the process
        assert _blas_threads() == {2}
        embeddings.encode(["The river rose two metres overnight, the mayor said."])
        assert seen == [{1}]
        assert _blas_threads() == {2}


def test_the_libraries_are_found_once_while_no_module_is_imported(monkeypatch):
    import sys

    monkeypatch.setattr(threads, "_controller", None)
    seen = []
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        for _ in range(3):
            with threads.one_thread():
                assert _blas_threads() == {1}
            assert _blas_threads() == {2}          # each scope still restores what it found
            seen.append(threads._controller)
    assert seen[0] is not None and all(c is seen[0] for c in seen)
    monkeypatch.setitem(sys.modules, "newsprobe_test_new_module", object())   # an import: look again
    with threads.one_thread():
        pass
    assert threads._controller is not seen[0]
