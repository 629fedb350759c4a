"""Matching claims against earlier fact-checks: records in, a hybrid index out.

`records` reads fact-check collections (JSONL, CheckThat! 2020 TSV), `claimreview` schema.org
ClaimReview, and `read.read_any` picks the reader by suffix; `bm25` is the lexical
half; `index` the folder format and hybrid search. The claims layer calls
`load_index(settings.factcheck_index).search_many(...)`.
"""

from .index import FactCheckIndex, Match, clean_query, load_index
from .read import read_any
from .records import FactCheck, read_ct2020_tsv, read_jsonl

__all__ = ["FactCheck", "FactCheckIndex", "Match", "clean_query", "load_index", "read_any",
           "read_ct2020_tsv", "read_jsonl"]
