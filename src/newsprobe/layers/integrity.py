"""Integrity: the scars that scraping and machine rewriting leave inside one article.

Five kinds of finding, each `{kind, spans, message, severity, score}`:

- `stray_fragment`: lower-case words that belong to no sentence ("market news The
  minister said ..."), left where a sentence should start;
- `truncated_sentence`: a sentence cut off mid-clause: a paragraph ending on "of the" or
  without a full stop after other full sentences, or a cut sentence running into the next
  one ("... plans to build a new The mayor said ...");
- `inconsistent_quote`: one speaker quoted twice with near-identical but differently worded
  direct quotes (a quotation should be verbatim);
- `name_variant`: one entity spelt in incompatible ways ("Zelenksy" next to "Zelensky",
  a warning); normal transliteration variants ("Zelensky"/"Zelenskyy"), British and
  American spellings ("Aluminium"/"Aluminum") and a second spelling used as often as the
  first are `info`;
- `inconsistent_number`: the same quantity given with different values ("300 jobs" in
  one place, "350 jobs" in another, said of the same thing): a warning only when both are
  written in the same phrase about the same people, else `info`.

Severity: `warning` for a likely defect, `info` for something a reader may want to know
that is not a defect. `score` (0..1) is how sure the rule is. The rules favour precision:
the bar is fewer than one false alarm per twenty clean articles (`newsprobe eval integrity`).

The checks live in two helper modules: `integrity_scars` reads the text and the parse,
`integrity_consistency` compares the entities and quotes of the earlier layers.
"""

from __future__ import annotations

from ..model import Analysis
from ..settings import Settings
from . import integrity_consistency, integrity_scars

NAME = "integrity"
VERSION = "1"
FIELD = "integrity"
REQUIRES = ("entities", "quotes")

KINDS = ("stray_fragment", "truncated_sentence", "inconsistent_quote", "name_variant",
         "inconsistent_number")
SEVERITIES = ("warning", "info")


# Share of English stopwords among the words below which a text is not English (or not
# prose): the English parse of it means nothing, so no integrity finding is made. English
# news prose has 40-50% stopwords, a short name-heavy paragraph about 25%; other
# languages share only a few short words ("in", "an", "die") with English.
MIN_STOPWORD_SHARE = 0.15


def looks_english(doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    return bool(words) and sum(t.is_stop for t in words) / len(words) >= MIN_STOPWORD_SHARE


def run(doc, analysis: Analysis, settings: Settings) -> list[dict]:
    if not looks_english(doc):
        return []
    findings = []
    findings += integrity_scars.stray_fragments(doc, analysis.text)
    findings += integrity_scars.truncated_sentences(doc, analysis.text)
    findings += integrity_consistency.inconsistent_quotes(analysis, settings)
    findings += integrity_consistency.name_variants(doc, analysis, settings)
    findings += integrity_consistency.inconsistent_numbers(doc, analysis.text, settings,
                                                              analysis.entities)
    findings.sort(key=lambda f: (f["spans"][0]["start"], f["kind"]))
    return cap_per_kind(findings, settings.integrity_max_findings_per_kind, analysis)


def cap_per_kind(findings: list[dict], cap: int, analysis: Analysis) -> list[dict]:
    """At most `cap` findings of each kind, warnings before notes, the first in the text
    first; how many were left out, per kind, goes into the output as
    `meta.capped.integrity` so a reader knows the list is not all there is."""
    by_kind: dict[str, list[dict]] = {}
    for f in findings:
        by_kind.setdefault(f["kind"], []).append(f)
    dropped = {kind: len(group) - cap for kind, group in by_kind.items() if len(group) > cap}
    if not dropped:
        return findings
    kept = []
    for kind, group in by_kind.items():
        # sorted() is stable: text order within each severity.
        kept += sorted(group, key=lambda f: f["severity"] != "warning")[:cap]
    kept.sort(key=lambda f: (f["spans"][0]["start"], f["kind"]))
    analysis.meta.setdefault("capped", {})["integrity"] = dropped
    return kept


__all__ = ["NAME", "VERSION", "FIELD", "REQUIRES", "KINDS", "SEVERITIES", "run"]
