"""Analysis layers, in the order they run. Each module has:

- NAME, VERSION: recorded in Analysis.meta["layers"]; the store reuses an analysis only if
  every layer's version matches, so a change that alters a layer's output bumps its VERSION;
- FIELD: the Analysis attribute its findings fill;
- REQUIRES: the fields of earlier layers it reads;
- run(doc, analysis, settings) -> list of findings.
"""

from . import attribution, claims, entities, integrity, outlets, techniques

LAYERS = (entities, attribution, claims, techniques, outlets, integrity)

_seen: set[str] = set()
for _layer in LAYERS:
    missing = set(_layer.REQUIRES) - _seen
    assert not missing, f"layer {_layer.NAME} runs before the layers filling {missing}"
    _seen.add(_layer.FIELD)
