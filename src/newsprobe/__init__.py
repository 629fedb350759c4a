"""newsprobe: read news the way a fact-checker does.

    >>> from newsprobe import analyze
    >>> analysis = analyze("“We will not wait,” she said.")
    >>> analysis.to_dict()["schema"]
    'newsprobe.article/2'
"""

__version__ = "0.1.0"

from .model import Analysis, Article  # noqa: E402
from .analyze import analyze, analyze_many  # noqa: E402

__all__ = ["__version__", "analyze", "analyze_many", "Analysis", "Article"]
