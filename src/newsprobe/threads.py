"""How many threads the compute libraries may use: the package's one rule and its one
mechanism.

The rule: an analysis computes on one thread. An article's matrix products (MiniLM over a
few dozen sentences, spaCy's layers) are too small for a second thread to pay for its
hand-offs, and on a busy machine the waiting threads spin (MiniLM on 30 sentences under
load: 2.3 s with two threads, 0.35 s with one); throughput on many articles comes from
processes (`workers.AnalysisPool`, Spark), one thread each.

The mechanism, two forms of the same setting:

- `one_thread()`, a context manager: while it is entered, every BLAS and OpenMP library
  already loaded (threadpoolctl), torch if it is loaded, and libraries loaded meanwhile
  (the OMP/MKL/OpenBLAS environment variables) compute on one thread. Scopes nest and may
  be entered from several threads: the first one in sets the limits, the last one out
  restores what it found, so a program that analyses keeps its own thread settings before
  and after. The pool's in-process path wraps its whole run in it; the MiniLM encoder
  wraps each pass in it (a no-op inside an outer scope), so it computes on one thread
  whichever program calls it and changes nothing for good.
- `one_thread_environment()`: the same setting as environment variables, for a process
  about to start (a spawned worker inherits them before it imports numpy), or at the top
  of one that has imported nothing heavy yet.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Read by OpenMP, MKL and OpenBLAS when they load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

_lock = threading.Lock()
_depth = 0              # scopes entered and not left, over all threads
_restore = None         # what the outermost scope found, put back when it is left


def one_thread_environment() -> dict[str, str]:
    """The environment variables that give a process loading its libraries one thread."""
    return dict.fromkeys(THREAD_VARIABLES, "1")


@contextmanager
def one_thread() -> Iterator[None]:
    """While entered, this process computes on one thread (see the module docstring)."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = _limit_to_one()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                restore, _restore = _restore, None
                restore()


# threadpoolctl's view of the loaded libraries, with the number of modules imported when it
# was taken. Finding them walks every shared library of the process (~10 ms with spaCy,
# numpy and scipy loaded: 130 of them), and a program that enters the outermost scope once
# per encoder pass (an eval, the web app) paid that each time; a library arrives with an
# import (an extension module or a package loading one), so the view is taken again only
# when the modules imported have changed.
_controller = None
_controller_modules = -1


def _thread_controller():
    global _controller, _controller_modules
    from threadpoolctl import ThreadpoolController

    if _controller is None or _controller_modules != len(sys.modules):
        _controller = ThreadpoolController()
        _controller_modules = len(sys.modules)
    return _controller


def _limit_to_one():
    """Set every thread count to one now; returns the function that puts them back."""
    import numpy  # noqa: F401 - loaded first, so that its OpenBLAS is among the libraries limited

    saved_env = {key: os.environ.get(key) for key in THREAD_VARIABLES}
    os.environ.update(one_thread_environment())     # for libraries loaded from now on
    torch = sys.modules.get("torch")
    torch_threads = torch.get_num_threads() if torch is not None else None
    if torch is not None:
        torch.set_num_threads(1)
    limits = _thread_controller().limit(limits=1)

    def restore() -> None:
        limits.restore_original_limits()
        if torch_threads is not None:
            torch.set_num_threads(torch_threads)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    return restore
