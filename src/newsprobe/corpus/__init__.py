"""The corpus stage: stories, copies, changes and claim links across many analyses.

Data flows top to bottom, one module per concept:

- `fingerprints`: words, word shingles, stopword n-grams, MinHash signatures;
- `align`: sentence spans and sentence alignment by embeddings;
- `copies`: two-stage copy detection (LSH and embedding candidates, then verification);
- `changes`: what changed between aligned sentences (quote, entity, number, negation, ...);
- `stories`: clusters of articles about the same event;
- `origin`: per copy family, the likely original and the route of copies, hop by hop;
- `claimlinks`: the same claim in several articles, earliest first;
- `run`: the one entry point, `compute_corpus(analyses)` and `run_corpus(paths, db)`.

The output is the `newsprobe.corpus/2` contract (docs/corpus.md, schema/corpus.v2.json;
what changed from /1 in schema/CHANGES.md; `contract.upgrade_corpus` reads /1 objects).
"""

CORPUS_SCHEMA = "newsprobe.corpus/2"
