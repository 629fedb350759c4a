"""Settings travel as one object. defaults.toml is the only place default values are
written, each with the reason for it; this class names the settings and their types.

`Settings()` is the defaults. `Settings.load()` adds the NEWSPROBE_<NAME> environment
variables and explicit overrides (CLI flags); only the shells call it (CLI, web app, Spark
and eval commands), and library code takes the Settings it is given. A name that is not a
setting, in the environment or in the overrides, is an error naming it, not silence.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

from .errors import NewsprobeError

ENVIRONMENT_PREFIX = "NEWSPROBE_"
# Environment variables with our prefix that are not settings, and who reads them.
OTHER_VARIABLES = {
    "NEWSPROBE_TOKEN": "the web app's access token (`newsprobe serve`, docs/web.md)",
    "NEWSPROBE_LONG_TESTS": "runs the long fault-injection tests (RELIABILITY.md)",
    "NEWSPROBE_FAULT_SEED": "replays one sequence of kill points in those tests (RELIABILITY.md)",
}


def read_defaults() -> dict[str, Any]:
    return tomllib.loads(resources.files("newsprobe").joinpath("defaults.toml").read_text("utf-8"))


_DEFAULTS = read_defaults()


@dataclass(frozen=True)
class Settings:
    model: str = _DEFAULTS["model"]
    max_input_bytes: int = _DEFAULTS["max_input_bytes"]
    max_sentence_tokens: int = _DEFAULTS["max_sentence_tokens"]
    min_quote_confidence: float = _DEFAULTS["min_quote_confidence"]
    pronoun_window_sentences: int = _DEFAULTS["pronoun_window_sentences"]
    attribution_scope: str = _DEFAULTS["attribution_scope"]
    pipe_batch_size: int = _DEFAULTS["pipe_batch_size"]
    claim_min_checkworthiness: float = _DEFAULTS["claim_min_checkworthiness"]
    factcheck_index: str = _DEFAULTS["factcheck_index"]
    factcheck_top_k: int = _DEFAULTS["factcheck_top_k"]
    factcheck_min_similarity: float = _DEFAULTS["factcheck_min_similarity"]
    factcheck_embedding_weight: float = _DEFAULTS["factcheck_embedding_weight"]
    techniques_min_score: float = _DEFAULTS["techniques_min_score"]
    integrity_min_quote_words: int = _DEFAULTS["integrity_min_quote_words"]
    integrity_quote_similarity: float = _DEFAULTS["integrity_quote_similarity"]
    integrity_min_name_chars: int = _DEFAULTS["integrity_min_name_chars"]
    integrity_number_context: float = _DEFAULTS["integrity_number_context"]
    corpus_story_threshold: float = _DEFAULTS["corpus_story_threshold"]
    corpus_story_entity_weight: float = _DEFAULTS["corpus_story_entity_weight"]
    corpus_story_window_days: float = _DEFAULTS["corpus_story_window_days"]
    corpus_lsh_threshold: float = _DEFAULTS["corpus_lsh_threshold"]
    corpus_sentence_similarity: float = _DEFAULTS["corpus_sentence_similarity"]
    corpus_min_aligned_share: float = _DEFAULTS["corpus_min_aligned_share"]
    corpus_min_stopword_containment: float = _DEFAULTS["corpus_min_stopword_containment"]
    batch_chunk_articles: int = _DEFAULTS["batch_chunk_articles"]
    web_max_body_bytes: int = _DEFAULTS["web_max_body_bytes"]
    web_max_upload_articles: int = _DEFAULTS["web_max_upload_articles"]
    web_variant_similarity: float = _DEFAULTS["web_variant_similarity"]
    outlet_index: str = _DEFAULTS["outlet_index"]
    # worker processes for analyze, batch and corpus (workers.py)
    workers: int = _DEFAULTS["workers"]
    workers_min_articles: int = _DEFAULTS["workers_min_articles"]
    # Limits on what is extracted and analysed, and caps on per-article findings
    # (defaults.toml says why).
    max_html_elements: int = _DEFAULTS["max_html_elements"]
    integrity_max_pairs_per_item: int = _DEFAULTS["integrity_max_pairs_per_item"]
    integrity_max_findings_per_kind: int = _DEFAULTS["integrity_max_findings_per_kind"]
    # web: reliability and security of `newsprobe serve` (defaults.toml, block "web")
    web_allowed_hosts: str = _DEFAULTS["web_allowed_hosts"]
    web_analysis_workers: int = _DEFAULTS["web_analysis_workers"]
    web_analysis_queue: int = _DEFAULTS["web_analysis_queue"]
    web_analysis_time_limit_s: float = _DEFAULTS["web_analysis_time_limit_s"]
    web_header_timeout_s: float = _DEFAULTS["web_header_timeout_s"]
    web_body_timeout_s: float = _DEFAULTS["web_body_timeout_s"]
    web_keep_alive_s: float = _DEFAULTS["web_keep_alive_s"]
    web_shutdown_grace_s: float = _DEFAULTS["web_shutdown_grace_s"]

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """defaults.toml, then NEWSPROBE_<NAME> environment variables, then `overrides`
        (CLI flags); None overrides are ignored so that unset flags keep the default.
        E050 names an unknown setting or variable, E051 a value of the wrong type."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise NewsprobeError("E050", f"unknown settings: {', '.join(unknown)} "
                                         f"(the settings are listed in defaults.toml and docs/settings.md)")
        unknown = sorted(name for name in os.environ
                         if name.startswith(ENVIRONMENT_PREFIX) and name not in OTHER_VARIABLES
                         and name[len(ENVIRONMENT_PREFIX):].lower() not in known)
        if unknown:
            raise NewsprobeError("E050", f"unknown environment variables: {', '.join(unknown)} "
                                         f"(no such settings; see docs/settings.md)")
        values: dict[str, Any] = {}
        for name, f in known.items():
            variable = ENVIRONMENT_PREFIX + name.upper()
            if variable in os.environ:
                values[name] = _parse(variable, os.environ[variable], f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(variable: str, text: str, type_name: str) -> Any:
    # Annotations are strings here (`from __future__ import annotations`).
    parse = {"int": int, "float": float, "str": str}[type_name]
    try:
        return parse(text)
    except ValueError:
        raise NewsprobeError("E051", f"{variable}={text!r} is not a valid {type_name}") from None
