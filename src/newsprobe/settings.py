"""Settings travel as one object. Defaults live in defaults.toml with the reason for each."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources


def _defaults() -> dict:
    return tomllib.loads(resources.files("newsprobe").joinpath("defaults.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Settings:
    model: str = ""
    max_input_bytes: int = 5_000_000
    max_sentence_tokens: int = 200
    min_quote_confidence: float = 0.0
    pronoun_window_sentences: int = 6
    attribution_scope: str = "speech"
    pipe_batch_size: int = 32
    claim_min_checkworthiness: float = -1.0
    factcheck_index: str = ""
    factcheck_top_k: int = 3
    factcheck_min_similarity: float = 0.5
    factcheck_embedding_weight: float = 0.85
    techniques_min_score: float = 0.0
    integrity_min_quote_words: int = 5
    integrity_quote_similarity: float = 0.6
    integrity_min_name_chars: int = 5
    integrity_number_context: float = 0.3
    batch_chunk_articles: int = 200
    web_max_body_bytes: int = 5_000_000
    web_max_upload_articles: int = 100
    web_variant_similarity: float = 65.0
    outlet_index: str = ""
    # Worker processes for analyse, batch and corpus (defaults.toml says why)
    workers: int = 0
    workers_min_articles: int = 16
    # Limits on what is extracted and analysed, and caps on per-article findings
    # (defaults.toml, last block, says why).
    max_html_elements: int = 100_000
    # web: reliability and security of `newsprobe serve` (defaults.toml, block "web")
    web_allowed_hosts: str = ""
    web_analysis_workers: int = 1
    web_analysis_queue: int = 4
    web_analysis_time_limit_s: float = 120.0
    web_header_timeout_s: float = 10.0
    web_body_timeout_s: float = 60.0
    web_keep_alive_s: float = 5.0
    web_shutdown_grace_s: float = 10.0

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """defaults.toml, then NEWSPROBE_<NAME> environment variables, then `overrides`
        (CLI flags); None overrides are ignored so that unset flags keep the default."""
        values = _defaults()
        for f in fields(cls):
            env = os.environ.get(f"NEWSPROBE_{f.name.upper()}")
            if env is not None:
                values[f.name] = type(values.get(f.name, f.default))(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
